// The desk's tasks from the server's jobs, end to end: the server escalates an unconfirmed
// visit, the task reaches the desk by sync, the receptionist sees whom to call and closes it,
// and the closing reaches the server.
import { expect, signIn, test } from './support/fixtures';

test('an escalated visit appears as a task with whom to call; Done closes it on the server too', async ({ page, desk }) => {
  await signIn(page, desk);
  const task = await desk.raiseUnconfirmedTask();

  // Sync brings the task; the button counts it without anyone opening anything.
  const button = page.getByRole('button', { name: /^Tasks \d+ open$/ });
  await expect(button).toBeVisible();
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Tasks for the desk' });
  const item = dialog.getByRole('listitem').filter({ hasText: task.patientLabel });
  await expect(item).toContainText('Not confirmed yet: call the patient');
  if (task.phone) await expect(item).toContainText(`Phone: ${task.phone}`);

  await item.getByRole('button', { name: /^Mark done: Not confirmed yet/ }).click();
  await expect(dialog.getByRole('status')).toContainText('Task closed');
  await expect(item).toHaveCount(0);
  await expect.poll(() => desk.serverTaskStatus(task.taskId), { timeout: 10_000 }).toBe('done');
});

test('Spanish: the task reads in Spanish', async ({ page, desk }) => {
  await signIn(page, desk);
  const task = await desk.raiseUnconfirmedTask();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: /^Tareas \d+ pendientes?$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Tareas de recepción' });
  await expect(dialog.getByRole('listitem').filter({ hasText: task.patientLabel })).toContainText('Aún sin confirmar: llame al paciente');
});
