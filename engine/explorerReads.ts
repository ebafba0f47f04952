import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import type {
  ChainTimeline,
  Neighbourhood,
  OrganisationDetail,
  Overview,
  OverviewContract,
  OverviewNode,
  SearchResult,
} from "../domain/index.ts";
import { plainValue } from "../neo4j/plainValues.ts";
import { readTransaction, rowsOf } from "../neo4j/read.ts";
import { type LiveDataset, liveDataset } from "./oneLoad.ts";

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
   * A read of what the current graph format stores (search keys, contract counts): a graph loaded
   * in an older format is refused (ReloadNeededError), not answered with nothing found.
   */
  private readStored<T>(work: (tx: ManagedTransaction, live: LiveDataset) => Promise<T>): Promise<T> {
    return this.read(async (tx) => work(tx, await liveDataset(tx)));
  }

  async health(): Promise<Health> {
    const [row] = await this.read((tx) => rowsOf<Health>(tx, "explorer/health"));
    return row ?? { name: null, version: null, edition: null, dataset: null };
  }

  /** Organisations whose id or name starts with, then contains, `q` (lower-cased, NFKC). */
  search(q: string, limit: number): Promise<SearchResult[]> {
    return this.readStored((tx) =>
      rowsOf<SearchResult>(tx, "explorer/search", { q, limit: neo4j.int(limit) }),
    );
  }

  /** An organisation with its contracts (each side at most `limit`), incidents and reports; null when unknown. */
  async organisation(id: string, limit: number): Promise<OrganisationDetail | null> {
    const [row] = await this.read((tx) =>
      rowsOf(tx, "explorer/organisation", { id, limit: neo4j.int(limit) }),
    );
    return row ? (plainValue(row) as OrganisationDetail) : null;
  }

  /** An organisation and its direct counterparts, with at most `limit` contracts; null when unknown. */
  async neighbourhood(id: string, limit: number): Promise<Neighbourhood | null> {
    const [row] = await this.read((tx) =>
      rowsOf(tx, "explorer/neighbourhood", { id, limit: neo4j.int(limit) }),
    );
    if (!row) return null;
    const result = plainValue(row) as Omit<Neighbourhood, "truncated">;
    return { ...result, truncated: result.contractsTotal > result.contracts.length };
  }

  /** The `limit` best-connected organisations and the `contractLimit` biggest contracts among them. */
  overview(limit: number, contractLimit: number): Promise<Overview> {
    return this.readStored(async (tx, live) => {
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
  }

  /** A chain's contracts in the order given, with their dates, and the incidents that hit their contractors. */
  async chain(ids: string[]): Promise<ChainTimeline> {
    const [row] = await this.read((tx) => rowsOf(tx, "explorer/chain", { ids }));
    return plainValue(row) as ChainTimeline;
  }
}
