import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import type {
  ChainTimeline,
  DatasetStamp,
  Neighbourhood,
  OrganisationDetail,
  Overview,
  OverviewContract,
  OverviewNode,
  SearchResult,
} from "../domain/index.ts";
import { plainValue } from "../neo4j/plainValues.ts";
import { readTransaction, rowsOf } from "../neo4j/read.ts";
import { type LiveDataset, readOneLoad } from "./oneLoad.ts";

/** An answer with the load it was read from, in the shape every answer states it: `dataset`. */
export type WithStamp<T> = T & { dataset: DatasetStamp };

/** The server, its version and the dataset loaded, as the health check reports them. */
export interface Health {
  name: string | null;
  version: string | null;
  edition: string | null;
  dataset: Record<string, unknown> | null;
}

/**
 * What the explorer reads of the graph beside blast radii: the search, an organisation's page and
 * neighbourhood, the overview, a chain's timeline and the health check. Each is one read-only
 * transaction of fixed queries (cypher/explorer/) with the API's timeout; answers are plain JSON.
 * Every answer but the health check is read from one load (oneLoad.ts: read again when a load
 * swapped in meanwhile) and stamped with it (`dataset`), as blast radii are: an explorer that
 * puts two answers side by side can tell whether they are of the same load.
 */
export class ExplorerReads {
  constructor(
    private readonly driver: Driver,
    private readonly timeoutMs: number,
  ) {}

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return readTransaction(this.driver, work, this.timeoutMs);
  }

  /**
   * A read of one load, with its stamp. A graph loaded in an older format is refused
   * (ReloadNeededError), not answered with nothing found.
   */
  private async readStamped<T>(
    work: (tx: ManagedTransaction, live: LiveDataset) => Promise<T>,
  ): Promise<{ value: T; dataset: DatasetStamp }> {
    const { value, live } = await readOneLoad(this.driver, work, this.timeoutMs);
    return { value, dataset: live.stamp };
  }

  async health(): Promise<Health> {
    const [row] = await this.read((tx) => rowsOf<Health>(tx, "explorer/health"));
    return row ?? { name: null, version: null, edition: null, dataset: null };
  }

  /** Organisations whose id or name starts with, then contains, `q` (lower-cased, NFKC). */
  async search(q: string, limit: number): Promise<{ results: SearchResult[]; dataset: DatasetStamp }> {
    const { value, dataset } = await this.readStamped((tx) =>
      rowsOf<SearchResult>(tx, "explorer/search", { q, limit: neo4j.int(limit) }),
    );
    return { results: value, dataset };
  }

  /** An organisation with its contracts (each side at most `limit`), incidents and reports; null when unknown. */
  async organisation(id: string, limit: number): Promise<WithStamp<OrganisationDetail> | null> {
    const { value: rows, dataset } = await this.readStamped((tx) =>
      rowsOf(tx, "explorer/organisation", { id, limit: neo4j.int(limit) }),
    );
    const [row] = rows;
    return row ? { dataset, ...(plainValue(row) as OrganisationDetail) } : null;
  }

  /** An organisation and its direct counterparts, with at most `limit` contracts; null when unknown. */
  async neighbourhood(id: string, limit: number): Promise<WithStamp<Neighbourhood> | null> {
    const { value: rows, dataset } = await this.readStamped((tx) =>
      rowsOf(tx, "explorer/neighbourhood", { id, limit: neo4j.int(limit) }),
    );
    const [row] = rows;
    if (!row) return null;
    const result = plainValue(row) as Omit<Neighbourhood, "truncated">;
    return { dataset, ...result, truncated: result.contractsTotal > result.contracts.length };
  }

  /** The `limit` best-connected organisations and the `contractLimit` biggest contracts among them. */
  async overview(limit: number, contractLimit: number): Promise<WithStamp<Overview>> {
    const { value, dataset } = await this.readStamped(async (tx, live) => {
      const nodes = await rowsOf<OverviewNode>(tx, "explorer/overview-nodes", { limit: neo4j.int(limit) });
      const ids = nodes.map((n) => n.id);
      // $idSet: a map lookup per row, not `IN $list`, which scans the list every time.
      const [among] = await rowsOf<{ contracts: OverviewContract[]; among: number }>(
        tx,
        "explorer/overview-contracts",
        {
          ids,
          idSet: Object.fromEntries(ids.map((id) => [id, true])),
          contractLimit: neo4j.int(contractLimit),
        },
      );
      const contracts = among?.contracts ?? [];
      const contractsAmong = among?.among ?? 0;
      return {
        nodes,
        contracts,
        total: {
          organisations: live.organisations ?? nodes.length,
          contracts: live.contracts ?? contracts.length,
        },
        contractsAmong,
        truncated: (live.organisations ?? 0) > nodes.length || contractsAmong > contracts.length,
      };
    });
    return { dataset, ...value };
  }

  /** A chain's contracts in the order given, with their dates, and the incidents that hit their contractors. */
  async chain(ids: string[]): Promise<WithStamp<ChainTimeline>> {
    const { value: rows, dataset } = await this.readStamped((tx) => rowsOf(tx, "explorer/chain", { ids }));
    return { dataset, ...(plainValue(rows[0]) as ChainTimeline) };
  }
}
