// The library list shows 100,000 rows but holds only the pages near what is on screen. Rows are
// fetched a page at a time as the list scrolls; pages are kept in a small most-recently-used
// cache, and a change of sort or filter starts a fresh cache so answers to an old query never
// land in the new one.

/// One page of rows as the server gave it.
export interface Page<T> {
  items: T[];
  total: number;
}

/// Fetches rows offset..offset+limit of the current query.
export type PageLoader<T> = (offset: number, limit: number) => Promise<Page<T>>;

/// Rows by index, loaded page by page.
export class PageCache<T> {
  private readonly pages = new Map<number, T[]>();
  private readonly inFlight = new Set<number>();
  /// Pages whose last load failed. They are not held as loaded, so the next `ensure` over them
  /// asks again.
  private readonly failed = new Set<number>();
  private listeners = new Set<() => void>();
  private generation = 0;
  /// Rows the query matches; null until the first page answers.
  total: number | null = null;
  /// The last loading error; cleared once every page that failed has loaded since, so a success
  /// elsewhere does not hide rows that are still missing.
  error: unknown = null;

  constructor(
    private loader: PageLoader<T>,
    readonly pageSize = 200,
    private readonly maxPages = 30,
  ) {}

  /// Start over with another query (new sort or filters); answers still on their way are ignored.
  reset(loader: PageLoader<T>): void {
    this.loader = loader;
    this.pages.clear();
    this.inFlight.clear();
    this.failed.clear();
    this.total = null;
    this.error = null;
    this.generation++;
    this.emit();
  }

  /// Read the held pages again in place, after a change to what their rows show (a passage count,
  /// membership of a tag filter): each keeps its rows on screen until its new answer arrives.
  /// Answers to earlier questions still on their way are ignored, so those pages are asked for
  /// again too: none is left waiting for an answer that will never count.
  refresh(): void {
    const pages = new Set([...this.pages.keys(), ...this.inFlight]);
    this.generation++;
    this.inFlight.clear();
    this.failed.clear();
    this.error = null;
    for (const page of pages) void this.load(page);
  }

  /// The row at an index, or undefined while its page is not loaded.
  get(index: number): T | undefined {
    const page = Math.floor(index / this.pageSize);
    const rows = this.pages.get(page);
    if (!rows) return undefined;
    // Touch the page: it was just used, so it is the last to be evicted.
    this.pages.delete(page);
    this.pages.set(page, rows);
    return rows[index - page * this.pageSize];
  }

  /// Pages covering rows first..last (inclusive) that are neither loaded nor loading.
  missingPages(first: number, last: number): number[] {
    if (last < first) return [];
    const out: number[] = [];
    const lastRow = this.total === null ? last : Math.min(last, this.total - 1);
    for (let p = Math.floor(Math.max(0, first) / this.pageSize); p * this.pageSize <= lastRow; p++) {
      if (!this.pages.has(p) && !this.inFlight.has(p)) out.push(p);
    }
    if (this.total === null && out.length === 0 && this.pages.size === 0 && !this.inFlight.has(0)) out.push(0);
    return out;
  }

  /// Whether the last load of a page holding rows first..last (inclusive) failed: those rows stay
  /// missing until they are asked for again.
  failedIn(first: number, last: number): boolean {
    for (let p = Math.floor(Math.max(0, first) / this.pageSize); p * this.pageSize <= last; p++) {
      if (this.failed.has(p)) return true;
    }
    return false;
  }

  /// Load whatever rows first..last still lack; resolves when those loads have settled.
  async ensure(first: number, last: number): Promise<void> {
    await Promise.all(this.missingPages(first, last).map((p) => this.load(p)));
  }

  /// Take a page that has already arrived (a call made before the list existed), so the list's
  /// first render can draw it.
  seed(page: number, result: Page<T>): void {
    this.pages.set(page, result.items);
    this.total = result.total;
    this.failed.delete(page);
    if (this.failed.size === 0) this.error = null;
    this.evict(page);
  }

  /// Take a page from a call already on its way, instead of asking for it again.
  adopt(page: number, pending: Promise<Page<T>>): Promise<void> {
    if (this.pages.has(page) || this.inFlight.has(page)) return Promise.resolve();
    return this.load(page, pending);
  }

  private async load(page: number, pending?: Promise<Page<T>>): Promise<void> {
    const gen = this.generation;
    this.inFlight.add(page);
    try {
      const result = await (pending ?? this.loader(page * this.pageSize, this.pageSize));
      if (gen !== this.generation) return;
      this.pages.set(page, result.items);
      this.total = result.total;
      this.failed.delete(page);
      if (this.failed.size === 0) this.error = null;
      this.evict(page);
    } catch (e) {
      if (gen !== this.generation) return;
      this.failed.add(page);
      this.error = e;
    } finally {
      if (gen === this.generation) {
        this.inFlight.delete(page);
        this.emit();
      }
    }
  }

  private evict(keep: number): void {
    for (const p of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) break;
      if (p !== keep) this.pages.delete(p);
    }
  }

  /// How many pages are held (for tests and diagnostics).
  get loadedPages(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
