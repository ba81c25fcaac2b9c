// The kiosk's words, in plain language for patients. English is the source of the keys and of
// each message's {placeholders}; Spanish is typed against it, so a missing key fails the build.
export const en = {
  'page.title': 'Check in',
  'language.group': 'Language',
  'common.startOver': 'Start over',
  'common.back': 'Back',
  'common.loading': 'Loading…',

  'pair.title': 'Pair this kiosk',
  'pair.intro': 'For staff: create a pairing code at the front desk, then type it here. The code works once and for a few minutes.',
  'pair.code': 'Pairing code',
  'pair.submit': 'Pair kiosk',
  'pair.working': 'Pairing…',
  'pair.wrong': 'That pairing code is not right, or it has expired. Ask the front desk for a new one.',
  'pair.rateLimited': 'Too many wrong codes. Wait a few minutes, then ask the front desk for a new code.',
  'pair.unpaired': 'This kiosk is no longer paired with the front desk. Ask the front desk for a new pairing code.',
  'pair.empty': 'Type the pairing code first.',

  'welcome.title': 'Welcome to {location}',
  'welcome.intro': 'Check in for your appointment here. It takes about a minute.',
  'welcome.byCode': 'Use my confirmation code',
  'welcome.byCodeHint': 'It is on your appointment slip or message. You can also scan the square code on the slip.',
  'welcome.byName': 'Use my last name and date of birth',

  'code.title': 'Your confirmation code',
  'code.label': 'Confirmation code',
  'code.hint': 'Six letters and numbers, like K7PQ2M. Or hold the square code on your slip under the scanner.',

  'name.title': 'Your last name and date of birth',
  'name.lastName': 'Last name',
  'name.dateOfBirth': 'Date of birth',
  'name.month': 'Month',
  'name.chooseMonth': 'Choose a month',
  'name.day': 'Day',
  'name.year': 'Year',
  'name.yearHint': 'Four numbers, like 1980',
  'name.incomplete': 'Please fill in your last name and your whole date of birth.',

  'find.submit': 'Find my appointment',
  'find.searching': 'Looking…',
  'find.notFound': 'We couldn’t find that. Please check what you typed and try again, or see the front desk.',
  'find.wait': 'Please take a short break before trying again.',
  'find.waitFor': 'You can try again in {time}.',

  'confirm.title': 'Is this your appointment?',
  'confirm.greeting': 'Hello, {name}.',
  'confirm.time': 'Time',
  'confirm.provider': 'With',
  'confirm.checkIn': 'Check in',
  'confirm.working': 'Checking in…',
  'confirm.notMe': 'This is not me',

  'done.title': 'You are all set, {name}',
  'done.already': 'You were already checked in.',
  'done.next': 'Please take a seat. We will call your name when it is time to see {provider}.',
  'done.finish': 'Done',

  'details.question': 'Has your phone number or address changed?',
  'details.hint': 'Optional. The front desk will ask you for the new details.',
  'details.phone': 'My phone number changed',
  'details.address': 'My address changed',
  'details.submit': 'Tell the front desk',
  'details.recorded': 'Thank you. The front desk will ask you for the new details.',

  'early.title': 'You are a little early, {name}',
  'early.body': 'Your appointment is at {time}. Check-in opens at {opensAt}. Please have a seat and check in here then.',

  'desk.title': 'Please see the front desk',
  'desk.body': 'Our staff will help you check in. There is nothing else to do here.',

  'startOver.title': 'Let’s start again',
  'startOver.body': 'Something changed since you found your appointment. Please look it up again.',

  'problem.title': 'This kiosk is having trouble',
  'problem.body': 'Please see the front desk to check in.',
  'problem.retry': 'Try again',
} as const;

export type MessageKey = keyof typeof en;

export const es: { readonly [K in MessageKey]: string } = {
  'page.title': 'Registro de llegada',
  'language.group': 'Idioma',
  'common.startOver': 'Empezar de nuevo',
  'common.back': 'Volver',
  'common.loading': 'Cargando…',

  'pair.title': 'Vincular este quiosco',
  'pair.intro': 'Para el personal: cree un código de vinculación en la recepción y escríbalo aquí. El código sirve una sola vez y por pocos minutos.',
  'pair.code': 'Código de vinculación',
  'pair.submit': 'Vincular quiosco',
  'pair.working': 'Vinculando…',
  'pair.wrong': 'Ese código de vinculación no es correcto o ya venció. Pida uno nuevo en la recepción.',
  'pair.rateLimited': 'Demasiados códigos incorrectos. Espere unos minutos y pida un código nuevo en la recepción.',
  'pair.unpaired': 'Este quiosco ya no está vinculado con la recepción. Pida un código de vinculación nuevo en la recepción.',
  'pair.empty': 'Primero escriba el código de vinculación.',

  'welcome.title': 'Le damos la bienvenida a {location}',
  'welcome.intro': 'Registre aquí su llegada para su cita. Toma alrededor de un minuto.',
  'welcome.byCode': 'Usar mi código de confirmación',
  'welcome.byCodeHint': 'Está en su comprobante de cita o en su mensaje. También puede escanear el código cuadrado del comprobante.',
  'welcome.byName': 'Usar mi apellido y fecha de nacimiento',

  'code.title': 'Su código de confirmación',
  'code.label': 'Código de confirmación',
  'code.hint': 'Seis letras y números, por ejemplo K7PQ2M. O ponga el código cuadrado de su comprobante bajo el escáner.',

  'name.title': 'Su apellido y fecha de nacimiento',
  'name.lastName': 'Apellido',
  'name.dateOfBirth': 'Fecha de nacimiento',
  'name.month': 'Mes',
  'name.chooseMonth': 'Elija un mes',
  'name.day': 'Día',
  'name.year': 'Año',
  'name.yearHint': 'Cuatro números, por ejemplo 1980',
  'name.incomplete': 'Escriba su apellido y su fecha de nacimiento completa.',

  'find.submit': 'Buscar mi cita',
  'find.searching': 'Buscando…',
  'find.notFound': 'No pudimos encontrar eso. Revise lo que escribió e inténtelo de nuevo, o pase a la recepción.',
  'find.wait': 'Tómese un breve descanso antes de volver a intentarlo.',
  'find.waitFor': 'Podrá intentarlo de nuevo en {time}.',

  'confirm.title': '¿Es esta su cita?',
  'confirm.greeting': 'Hola, {name}.',
  'confirm.time': 'Hora',
  'confirm.provider': 'Con',
  'confirm.checkIn': 'Registrar mi llegada',
  'confirm.working': 'Registrando…',
  'confirm.notMe': 'No soy yo',

  'done.title': 'Todo listo, {name}',
  'done.already': 'Su llegada ya estaba registrada.',
  'done.next': 'Tome asiento, por favor. Le llamaremos por su nombre cuando sea su turno con {provider}.',
  'done.finish': 'Terminar',

  'details.question': '¿Cambió su número de teléfono o su dirección?',
  'details.hint': 'Opcional. En la recepción le pedirán los datos nuevos.',
  'details.phone': 'Cambió mi número de teléfono',
  'details.address': 'Cambió mi dirección',
  'details.submit': 'Avisar a la recepción',
  'details.recorded': 'Gracias. En la recepción le pedirán los datos nuevos.',

  'early.title': 'Llegó un poco temprano, {name}',
  'early.body': 'Su cita es a las {time}. El registro abre a las {opensAt}. Tome asiento, por favor, y regístrese aquí a esa hora.',

  'desk.title': 'Pase a la recepción, por favor',
  'desk.body': 'Nuestro personal le ayudará a registrar su llegada. No necesita hacer nada más aquí.',

  'startOver.title': 'Empecemos de nuevo',
  'startOver.body': 'Algo cambió desde que encontró su cita. Búsquela de nuevo, por favor.',

  'problem.title': 'Este quiosco tiene un problema',
  'problem.body': 'Pase a la recepción para registrar su llegada.',
  'problem.retry': 'Intentar de nuevo',
};
