// Word lists for fictional demo patients. Names are combined at random, so any resemblance
// to a real person is a coincidence of common names; contact details use reserved ranges
// (555-01xx numbers, example.* domains).

export const englishFemaleNames = [
  'Olivia', 'Emma', 'Charlotte', 'Amelia', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Evelyn', 'Harper',
  'Abigail', 'Emily', 'Elizabeth', 'Ella', 'Grace', 'Chloe', 'Victoria', 'Hannah', 'Lily', 'Nora',
  'Zoe', 'Riley', 'Leah', 'Audrey', 'Claire', 'Alice', 'Ruth', 'Margaret', 'Dorothy', 'Linda',
  'Barbara', 'Susan', 'Karen', 'Nancy', 'Deborah', 'Sharon', 'Michelle', 'Laura', 'Kimberly', 'Amanda',
  'Jennifer', 'Jessica', 'Megan', 'Rachel', 'Samantha', 'Brianna', 'Jasmine', 'Naomi', 'Imani', 'Keisha',
];

export const englishMaleNames = [
  'Liam', 'Noah', 'Oliver', 'Elijah', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Theodore',
  'Jack', 'Levi', 'Owen', 'Wyatt', 'Caleb', 'Isaac', 'Ethan', 'Nathan', 'Ryan', 'Aaron',
  'Robert', 'John', 'Michael', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Christopher', 'Daniel',
  'Matthew', 'Anthony', 'Mark', 'Steven', 'Paul', 'Kevin', 'Brian', 'George', 'Edward', 'Ronald',
  'Gregory', 'Patrick', 'Dennis', 'Walter', 'Harold', 'Terrence', 'Malik', 'Darnell', 'Andre', 'Jamal',
];

export const hispanicFemaleNames = [
  'María', 'Sofía', 'Valentina', 'Camila', 'Isabela', 'Lucía', 'Ximena', 'Daniela', 'Gabriela', 'Mariana',
  'Fernanda', 'Valeria', 'Guadalupe', 'Rosa', 'Carmen', 'Alejandra', 'Paola', 'Adriana', 'Yesenia', 'Esperanza',
  'Marisol', 'Beatriz', 'Leticia', 'Araceli', 'Luz', 'Natalia', 'Renata', 'Jimena', 'Elena', 'Dolores',
];

export const hispanicMaleNames = [
  'José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Alejandro', 'Diego', 'Javier', 'Santiago',
  'Mateo', 'Sebastián', 'Emiliano', 'Andrés', 'Ricardo', 'Fernando', 'Eduardo', 'Raúl', 'Héctor', 'Arturo',
  'Ramón', 'Francisco', 'Jesús', 'Manuel', 'Rafael', 'Óscar', 'Ignacio', 'Joaquín', 'Rodrigo', 'Gustavo',
];

export const otherFemaleNames = [
  'Priya', 'Ananya', 'Mei', 'Yuna', 'Hana', 'Aisha', 'Fatima', 'Leila', 'Amara', 'Chiamaka',
  'Ngozi', 'Anya', 'Katya', 'Ingrid', 'Siobhan', 'Thuy', 'Linh', 'Min-ji', 'Sakura', 'Zainab',
];

export const otherMaleNames = [
  'Arjun', 'Rohan', 'Wei', 'Hiroshi', 'Kenji', 'Omar', 'Yusuf', 'Tariq', 'Chidi', 'Kwame',
  'Emeka', 'Dmitri', 'Nikolai', 'Lars', 'Cormac', 'Minh', 'Duc', 'Joon', 'Haruto', 'Ibrahim',
];

export const englishLastNames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker',
  'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards',
  'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Bailey',
  'Reed', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett',
  'Gray', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster', "O'Brien", 'McCarthy',
];

export const hispanicLastNames = [
  'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres',
  'Flores', 'Rivera', 'Gómez', 'Díaz', 'Cruz', 'Morales', 'Reyes', 'Gutiérrez', 'Ortiz', 'Chávez',
  'Ramos', 'Vargas', 'Castillo', 'Jiménez', 'Moreno', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Vásquez',
  'Castro', 'Mendoza', 'Ruiz', 'Álvarez', 'Fernández', 'Delgado', 'Salazar', 'Guerrero', 'Contreras', 'Navarro',
];

export const otherLastNames = [
  'Nguyen', 'Tran', 'Le', 'Kim', 'Park', 'Lee', 'Chen', 'Wang', 'Li', 'Zhang',
  'Patel', 'Shah', 'Singh', 'Kumar', 'Iyer', 'Tanaka', 'Sato', 'Suzuki', 'Okafor', 'Adeyemi',
  'Mensah', 'Haddad', 'Khalil', 'Rahman', 'Ivanova', 'Kowalski', 'Novak', 'Lindqvist', 'Schmidt', 'Rossi',
  'Russo', 'Cohen', 'Levy', 'Murray', 'Byrne', 'Quinn', 'Jensen', 'Hansen', 'Yilmaz', 'Demir',
];

export const streetNames = ['Maple', 'Harbor', 'Cedar', 'Willow', 'Sycamore', 'Juniper', 'Linden', 'Bayview'];

export const appointmentNotes = [
  'Prefers a morning call-back.',
  'Bring current medication list.',
  'Wheelchair access needed.',
  'Parent or guardian will attend.',
  'Referred by urgent care; records faxed.',
  'Requested the same provider as last visit.',
  'Fasting labs: nothing to eat after midnight.',
  'Hard of hearing; speak clearly at check-in.',
  'Insurance card changed; verify at the desk.',
  'Anxious about needles.',
  'Running late is common; call 15 min before.',
  'Follow-up on test results.',
];

export const spanishNotes = [
  'Prefiere atención en español.',
  'Spanish interpreter requested.',
  'Family member will interpret.',
];

export const cancelReasons = [
  'Patient rescheduled.',
  'Patient feeling better.',
  'Work conflict.',
  'Transportation problem.',
  'Childcare issue.',
  'Provider unavailable; rebooked.',
  'Weather.',
  'Duplicate booking.',
];

export const waitlistNotes = [
  'Any afternoon works.',
  'Wants the first available slot.',
  'Only Tuesdays or Thursdays.',
  'Call the mobile number, not home.',
];
