import { InputError, NeuroIOError, abortReason, unwrap, type AnyResult, type DataOf } from "./errors";
import { operationOf } from "./http";
import { describeValue } from "./input";
import { ITERATOR_LIMITS, checkNumber, checkSignal } from "./options";

/** The limit/offset window of one page request. */
export interface PageWindow {
  limit: number;
  offset: number;
}

interface Envelope<Item> {
  count: number;
  next: string | null;
  results: Item[];
}

type ItemOf<R> = DataOf<R> extends Envelope<infer Item> ? Item : never;

/** The result of an operation that answers a page: only such a call can be paged. */
interface PageResult extends AnyResult {
  data?: Envelope<unknown>;
}

export interface PaginateOptions {
  /** Items per request. Default: 100. */
  pageSize?: number | undefined;
  /** Stops the iteration (the pending request is aborted when the call takes this signal too). */
  signal?: AbortSignal | undefined;
}

/**
 * Every item of a paged list, fetched one page at a time (constant memory), advancing
 * limit/offset until the server says there is no next page. A failed page, or one that
 * is not a page (no `results` list and `count`), throws NeuroIOError naming the operation;
 * a bad argument, an InputError naming it before the first request.
 *
 *     for await (const source of paginate((page) => client.sources.list({ q: "cam", ...page }))) { … }
 */
export async function* paginate<R extends PageResult>(
  fetchPage: (page: PageWindow) => Promise<R>,
  { pageSize = 100, signal }: PaginateOptions = {},
): AsyncGenerator<ItemOf<R>, void, undefined> {
  if (typeof fetchPage !== "function") throw new InputError("fetchPage", `must be a function, got ${describeValue(fetchPage)}`);
  checkNumber("pageSize", pageSize, ITERATOR_LIMITS);
  checkSignal("signal", signal);
  for (let offset = 0; ; ) {
    if (signal?.aborted) throw abortReason(signal);
    const result = await fetchPage({ limit: pageSize, offset });
    const page = unwrap(result) as Envelope<ItemOf<R>>;
    // Without a count, a server that ignored the offset would be paged forever.
    if (!Array.isArray(page?.results) || typeof page.count !== "number") {
      const operation = operationOf(result.response) ?? "paginate";
      throw new NeuroIOError(502, {
        error_codes: [],
        message: `${operation}: NeuroIO answered a page without a results list and a count (offset ${offset})`,
        fields: [],
      });
    }
    for (const item of page.results) {
      if (signal?.aborted) throw abortReason(signal);
      yield item;
    }
    offset += page.results.length;
    if (page.next === null || page.results.length === 0 || offset >= page.count) return;
  }
}
