/** Request body caps: an oversized body is refused with a 413 problem before it is read in full. */
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "./problems";

function describeBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${n / 1024} KB`;
}

export function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError("payload-too-large", `The request body is larger than ${describeBytes(maxSize)}.`);
    },
  });
}
