/** Input the engine cannot analyse. Its message is one line a person can act on. */
export class InputError extends Error {
  override name = 'InputError';
}
