/**
 * Where the next page of a QFlow list starts, and when the list is read. The docs name `pageSize`
 * but no largest size, so a server may send fewer items than asked for while its `total` says there
 * are more (qflow-api.md: paging is [open]). Taking such a page as the last would lose the rest of
 * the list: executions waited for would never be seen. A short first page with a total beyond it
 * is read as the server's own page size instead, and the list is paged on by that size.
 */
export class Pager {
  /** The page to ask for next, from 1. */
  pageNumber = 1;
  /** Items the server sent so far, also those that could not be read. */
  seen = 0;
  /** Nothing more to read. */
  done = false;

  constructor(
    /** The page size to ask for; lowered to the server's own when it sends less. */
    public size: number,
  ) {}

  /** Takes in one page: how many items it held, and the total the server gave, if any. */
  advance(received: number, total: number | undefined): void {
    this.seen += received;
    if (received === 0 || (total !== undefined && this.seen >= total)) {
      this.done = true;
      return;
    }
    if (received < this.size) {
      // Without a total a short page is the last one; later than the first it cannot be told from
      // a list that changed while it was read, so the end is taken as it was before either case.
      if (total === undefined || this.pageNumber > 1) {
        this.done = true;
        return;
      }
      this.size = received;
    }
    this.pageNumber = this.seen / this.size + 1;
  }
}
