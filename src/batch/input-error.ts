/** A problem with a batch's input that the user can fix (the CLI exits 2 with the message). */
export class BatchInputError extends Error {
  override readonly name = 'BatchInputError';
}
