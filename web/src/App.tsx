import { useEffect, useMemo, useState } from "react";
import { ChangesPanel } from "./changes/ChangesPanel.tsx";
import { useChanges } from "./changes/useChanges.ts";
import { QualityView } from "./data/QualityView.tsx";
import { groupOfNode, groupTitle, isGroupNode } from "./graph/groups.ts";
import type { ExploreSigma } from "./graph/sigma/context.ts";
import { GraphView } from "./graph/sigma/GraphView.tsx";
import { answerHighlight, withSelection } from "./graph/sigma/highlight.ts";
import { tierTotals } from "./graph/tiers.ts";
import { useExploreData } from "./graph/useExploreData.ts";
import { GraphStoreContext, useGraphDataset } from "./graph/useGraph.ts";
import { GroupPanel } from "./groups/GroupPanel.tsx";
import { Header } from "./Header.tsx";
import { ContractPanel } from "./organisation/ContractPanel.tsx";
import { OrganisationPanel } from "./organisation/OrganisationPanel.tsx";
import { AffectedTable } from "./radius/AffectedTable.tsx";
import { ExportMenu } from "./radius/ExportMenu.tsx";
import { Legend } from "./radius/Legend.tsx";
import { TotalsPanel } from "./radius/TotalsPanel.tsx";
import { WhatIfPanel } from "./radius/WhatIfPanel.tsx";
import { RankPanel } from "./rank/RankPanel.tsx";
import { ResponsePanel } from "./response/ResponsePanel.tsx";
import { LanguageProvider, useLanguage } from "./shared/i18n/language.tsx";
import { formatNumber } from "./shared/i18n/strings.ts";
import { type UpdateState, useScenarioActions } from "./shared/state/actions.ts";
import { type ExploreState, notifyParams, scenarioParams, serializeState } from "./shared/state/urlState.ts";
import { useExploreState } from "./shared/state/useExploreState.ts";
import { ErrorBoundary, ErrorMessage } from "./shared/widgets/ErrorBoundary.tsx";
import { ReloadNotice } from "./shared/widgets/ReloadNotice.tsx";
import { SplitHandle, useSideWidth } from "./shared/widgets/SplitHandle.tsx";

/** The explorer: the URL decides what it shows, in the language the URL names. */
export function App() {
  const [state, update] = useExploreState();
  return (
    <LanguageProvider lang={state.lang}>
      <ErrorBoundary what="errorScenario" resetKey={serializeState(state)}>
        <Explorer state={state} update={update} />
      </ErrorBoundary>
    </LanguageProvider>
  );
}

function Explorer({ state, update }: { state: ExploreState; update: UpdateState }) {
  const { t, lang } = useLanguage();
  const data = useExploreData(state);
  // One graph for the app's lifetime, changed in place by new answers and the language.
  const store = useGraphDataset(
    { overview: data.overview, impact: data.drawn, neighbourhoods: data.neighbourhoods },
    state.lang,
  );
  const [sigma, setSigma] = useState<ExploreSigma | null>(null);
  const params = state.compromised.length > 0 ? scenarioParams(state) : null;
  const changes = useChanges(params);
  // The answer's part of the highlight is computed once per answer; a click only draws another chain.
  const answered = useMemo(() => answerHighlight(data.drawn, changes.changes), [data.drawn, changes.changes]);
  const highlight = useMemo(
    () => withSelection(answered, state.focus, state.contract),
    [answered, state.focus, state.contract],
  );
  const tiers = useMemo(
    () => tierTotals(data.impact, data.drawn, data.grouped),
    [data.impact, data.drawn, data.grouped],
  );
  // A group node (a radius too large to draw one by one) opens the group's panel, not an organisation's.
  const [groupId, setGroupId] = useState<string | null>(null);
  const group = groupId ? data.groupsById.get(groupOfNode(groupId)) : undefined;
  const actions = useScenarioActions(state, update);
  const [sideWidth, setSideWidth] = useSideWidth();

  // Escape closes the panel on top (a contract's, then an organisation's), unless a field takes it.
  const { contract, focus } = state;
  const { closeContract, closeOrganisation } = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, select, textarea")) return;
      if (contract) closeContract();
      else if (focus) closeOrganisation();
      else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [contract, focus, closeContract, closeOrganisation]);

  return (
    <GraphStoreContext value={store}>
      <div className="app">
        <Header
          view={state.view}
          onView={(view) => update({ view })}
          onToggleLanguage={() => update({ lang: state.lang === "ja" ? "en" : "ja" }, true)}
          onPick={actions.focus}
        />
        <ReloadNotice />
        <main>
          <div className="stage">
            <GraphView
              highlight={highlight}
              tiers={tiers}
              onNodeClick={(id) => {
                if (isGroupNode(id)) return setGroupId(id);
                setGroupId(null);
                actions.focus(id);
              }}
              onEdgeClick={actions.selectContract}
              onReady={setSigma}
            />
            <Legend
              byDepth={data.impact !== null}
              changes={changes.changes !== null}
              plainContracts={highlight.plainContracts}
              possibleContracts={data.impact?.contracts.some((c) => c.confidence === "possible") ?? false}
            />
            {data.overview?.truncated && !data.impact && (
              <p className="overlay note">
                {t("overviewCapped", {
                  shown: formatNumber(data.overview.nodes.length),
                  total: formatNumber(data.overview.total.organisations),
                  contracts: formatNumber(data.overview.contracts.length),
                  among: formatNumber(data.overview.contractsAmong),
                })}
              </p>
            )}
            {data.grouped && (
              <p className="overlay bottom note" data-testid="grouped-note">
                {t("drawnAsGroups", { groups: formatNumber(data.groupsById.size) })}
                {data.expanded && (
                  <>
                    {" "}
                    <button
                      type="button"
                      data-testid="collapse-group"
                      onClick={() => actions.expandGroup(null)}
                    >
                      {t("groupCollapseNamed", { name: groupTitle(lang, data.expanded) })}
                    </button>
                  </>
                )}
              </p>
            )}
            {group && (
              <GroupPanel
                depth={group.depth}
                group={group.group}
                rest={group.rest}
                expanded={data.expanded !== null && state.expand === group.id}
                onExpand={
                  group.rest === 0
                    ? (expand) => {
                        setGroupId(null);
                        actions.expandGroup(expand ? group.id : null);
                      }
                    : undefined
                }
                onPick={(id) => {
                  setGroupId(null);
                  actions.focus(id);
                }}
                onClose={() => setGroupId(null)}
              />
            )}
            {state.focus && !group && (
              <ErrorBoundary resetKey={state.focus}>
                <OrganisationPanel
                  id={state.focus}
                  affected={data.impact?.affected.find((a) => a.id === state.focus)}
                  radius={data.impact}
                  actions={{ ...actions, expand: data.expand, close: actions.closeOrganisation }}
                  excludedContracts={state.excludedContracts}
                />
              </ErrorBoundary>
            )}
            {state.contract && (
              <ErrorBoundary resetKey={state.contract}>
                <ContractPanel
                  id={state.contract}
                  excluded={state.excludedContracts.includes(state.contract)}
                  possible={data.impact?.contracts.some(
                    (c) => c.id === state.contract && c.confidence === "possible",
                  )}
                  onExclude={() => actions.excludeContract(state.contract as string)}
                  onOpen={actions.selectContract}
                  onClose={actions.closeContract}
                />
              </ErrorBoundary>
            )}
          </div>
          <SplitHandle width={sideWidth} onWidth={setSideWidth} />
          <div className="side" style={{ width: sideWidth }} data-testid="side">
            {state.view === "rank" ? (
              <ErrorBoundary>
                <RankPanel
                  onCompromise={actions.compromiseOnly}
                  confirmedOnly={state.confirmedOnly}
                  onConfirmedOnly={(on) => update({ confirmedOnly: on })}
                />
              </ErrorBoundary>
            ) : state.view === "response" ? (
              <ErrorBoundary resetKey={notifyParams(state).toString()}>
                <ResponsePanel state={state} update={update} />
              </ErrorBoundary>
            ) : (
              <>
                <ErrorBoundary>
                  <WhatIfPanel state={state} update={update} />
                </ErrorBoundary>
                {data.error && (
                  <ErrorMessage
                    error={data.error}
                    what={state.compromised.length > 0 ? "errorScenario" : "errorRequest"}
                  />
                )}
                {data.loading && <p role="status">{t("loading")}</p>}
                {!data.impact && !data.loading && !data.error && <p className="note">{t("empty")}</p>}
                {data.impact && (
                  <ErrorBoundary resetKey={data.impact}>
                    <TotalsPanel result={data.impact} grouped={data.grouped} comparison={data.comparison} />
                    <ExportMenu params={params} sigma={sigma} />
                    <ChangesPanel
                      state={changes}
                      onPick={actions.focus}
                      personsLowerBound={data.impact.totals.undisclosedSubjectContracts > 0}
                    />
                    <AffectedTable
                      rows={data.impact.affected}
                      contracts={data.impact.contracts}
                      changes={changes.changes}
                      focus={state.focus}
                      onSelect={actions.focus}
                    />
                  </ErrorBoundary>
                )}
              </>
            )}
          </div>
          {/* Over the graph, which stays mounted and laid out underneath for the way back. */}
          {state.view === "data" && (
            <ErrorBoundary resetKey={state.today}>
              <QualityView
                today={state.today}
                onToday={(today) => update({ today }, true)}
                onFocus={actions.focus}
              />
            </ErrorBoundary>
          )}
        </main>
      </div>
    </GraphStoreContext>
  );
}
