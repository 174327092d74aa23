/**
 * Request validation with the shared zod schemas. Any failure becomes one 400 problem naming each
 * offending field, so handlers only ever see valid, typed input.
 */
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type * as z from "zod";
import { ApiError, type FieldError } from "./problems";

function fieldErrors(error: z.core.$ZodError, target: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : target,
    message: issue.message,
  }));
}

export function valid<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const errors = fieldErrors(result.error, target);
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
      throw new ApiError("invalid-request", `Invalid ${target}: ${detail}`, errors);
    }
  });
}
