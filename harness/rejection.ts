/** What a call that must fail was rejected with; a call that succeeded fails the test. */
export async function rejectionOf<T>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error('the call succeeded but an ICE error was expected');
}
