import { useCallback, useMemo, useState } from "react";
import type Sigma from "sigma";
import { useExploreData } from "./data/useExploreData.ts";
import { buildGraph, type ContractAttributes, type OrgAttributes } from "./graph/dataset.ts";
import { circlePositions, layeredPositions } from "./graph/layout.ts";
import { formatNumber, translate } from "./i18n/strings.ts";
import { AffectedTable } from "./panels/AffectedTable.tsx";
import { ContractPanel } from "./panels/ContractPanel.tsx";
import { ExportMenu } from "./panels/ExportMenu.tsx";
import { Legend } from "./panels/Legend.tsx";
import { OrganisationPanel } from "./panels/OrganisationPanel.tsx";
import { RankPanel } from "./panels/RankPanel.tsx";
import { SearchBox } from "./panels/SearchBox.tsx";
import { TotalsPanel } from "./panels/TotalsPanel.tsx";
import { WhatIfPanel } from "./panels/WhatIfPanel.tsx";
import { scenarioParams } from "./scenario/urlState.ts";
import { useExploreState } from "./scenario/useExploreState.ts";
import { GraphView } from "./sigma/GraphView.tsx";
import { computeHighlight } from "./sigma/highlight.ts";

export function App() {
  const [state, update] = useExploreState();
  const data = useExploreData(state);
  const [sigma, setSigma] = useState<Sigma<OrgAttributes, ContractAttributes> | null>(null);
  const lang = state.lang;

  // The graph dataset is the single source of truth; positions are part of it.
  const graph = useMemo(() => {
    const g = buildGraph(lang, data.overview, data.impact, data.neighbourhoods);
    const positions = data.impact ? layeredPositions(g, data.impact) : circlePositions(g);
    for (const [id, p] of positions) g.mergeNodeAttributes(id, p);
    return g;
  }, [lang, data.overview, data.impact, data.neighbourhoods]);
  const highlight = useMemo(
    () => computeHighlight(data.impact, state.focus, state.contract),
    [data.impact, state.focus, state.contract],
  );

  const focusOrg = useCallback(
    (id: string) => update({ focus: id, contract: null, view: "graph" }),
    [update],
  );
  const actions = {
    compromiseOnly: (id: string) =>
      update({
        vendors: [id],
        excludeContracts: [],
        excludeOrgs: [],
        focus: null,
        contract: null,
        view: "graph",
      }),
    addVendor: (id: string) =>
      update({ vendors: state.vendors.includes(id) ? state.vendors : [...state.vendors, id], focus: null }),
    excludeOrg: (id: string) => update({ excludeOrgs: [...state.excludeOrgs, id], focus: null }),
    excludeContract: (id: string) =>
      update({
        excludeContracts: state.excludeContracts.includes(id)
          ? state.excludeContracts
          : [...state.excludeContracts, id],
        contract: null,
      }),
    expand: data.expand,
    close: () => update({ focus: null }),
  };
  const params = state.vendors.length > 0 ? scenarioParams(state) : null;

  return (
    <div className="app">
      <header className="top">
        <h1>{translate(lang, "title")}</h1>
        <SearchBox lang={lang} onPick={focusOrg} />
        <nav>
          <button
            type="button"
            aria-pressed={state.view === "graph"}
            onClick={() => update({ view: "graph" })}
          >
            {translate(lang, "graph")}
          </button>
          <button type="button" aria-pressed={state.view === "rank"} onClick={() => update({ view: "rank" })}>
            {translate(lang, "rank")}
          </button>
          <button
            type="button"
            onClick={() => update({ lang: lang === "ja" ? "en" : "ja" }, true)}
            data-testid="language"
          >
            {translate(lang, "language")}
          </button>
        </nav>
      </header>
      <main>
        <div className="stage">
          <GraphView
            graph={graph}
            highlight={highlight}
            forceLayout={!data.impact}
            onNodeClick={focusOrg}
            onEdgeClick={(id) => update({ contract: id, focus: null })}
            onReady={setSigma}
          />
          <Legend lang={lang} byDepth={data.impact !== null} />
          {data.overview?.truncated && !data.impact && (
            <p className="overlay note">
              {translate(lang, "overviewCapped", {
                shown: formatNumber(data.overview.nodes.length),
                total: formatNumber(data.overview.total.organisations),
                contracts: formatNumber(data.overview.contracts.length),
                among: formatNumber(data.overview.contractsAmong),
              })}
            </p>
          )}
          {state.focus && (
            <OrganisationPanel
              id={state.focus}
              affected={data.impact?.affected.find((a) => a.id === state.focus)}
              lang={lang}
              actions={actions}
              excludedContracts={state.excludeContracts}
            />
          )}
          {state.contract && (
            <ContractPanel
              id={state.contract}
              graph={graph}
              lang={lang}
              excluded={state.excludeContracts.includes(state.contract)}
              onExclude={() => actions.excludeContract(state.contract as string)}
              onClose={() => update({ contract: null })}
            />
          )}
        </div>
        <div className="side">
          {state.view === "rank" ? (
            <RankPanel lang={lang} onCompromise={actions.compromiseOnly} />
          ) : (
            <>
              <WhatIfPanel state={state} update={update} lang={lang} />
              {data.error && (
                <p role="alert" className="error">
                  {translate(lang, "errorPrefix")}
                  {data.error}
                </p>
              )}
              {data.loading && <p role="status">{translate(lang, "loading")}</p>}
              {!data.impact && !data.loading && <p className="note">{translate(lang, "empty")}</p>}
              {data.impact && (
                <>
                  <TotalsPanel result={data.impact} comparison={data.comparison} lang={lang} />
                  <ExportMenu params={params} sigma={sigma} lang={lang} />
                  <AffectedTable
                    rows={data.impact.affected}
                    focus={state.focus}
                    onSelect={focusOrg}
                    lang={lang}
                  />
                </>
              )}
            </>
          )}
        </div>
      </main>
    </div>
  );
}
