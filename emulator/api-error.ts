// ICE's error body is { RequestId, HostId, Code, Message, Recommend } with an HTTP status; the emulator
// raises this one type from anywhere in a request and the server turns it into that body.

export class IceApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IceApiError';
  }
}

export const missingParameter = (name: string) =>
  new IceApiError(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );

export const invalidParameter = (name: string, why: string) =>
  new IceApiError(400, 'InvalidParameter', `Specified parameter ${name} is not valid: ${why}`);
