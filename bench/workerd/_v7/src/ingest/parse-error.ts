/**
 * The one error type of the parse stage. Its message is shown to feed owners as the feed's
 * `last_error`, so it says what is wrong with the feed in their terms, prefixed "parse: ".
 */
export class FeedParseError extends Error {
  override name = "FeedParseError";
}
