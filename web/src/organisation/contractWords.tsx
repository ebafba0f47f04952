import { Fragment, type ReactNode } from "react";
import type { Lookup } from "../graph/lookup.ts";
import { useLanguage } from "../shared/i18n/language.tsx";

/** Opens a contract's panel; null where contracts are only named. */
export type OpenContract = ((id: string) => void) | null;

/**
 * A contract's id, as a button that opens its panel where the graph draws it (`children`, when
 * given, stand before the id inside the button).
 */
export function ContractLink({
  id,
  lookup,
  onOpen,
  children,
}: {
  id: string;
  lookup: Lookup;
  onOpen: OpenContract;
  children?: ReactNode;
}) {
  const body = (
    <>
      {children}
      {children ? " " : null}
      <code>{id}</code>
    </>
  );
  if (!onOpen || !lookup.contract(id)) return <span className="contract-ref">{body}</span>;
  return (
    <button type="button" className="link contract-ref" onClick={() => onOpen(id)}>
      {body}
    </button>
  );
}

/** "consignor → contractor" in the chosen language, or nothing when the graph does not hold the contract. */
export function contractEnds(
  lookup: Lookup,
  orgName: (org: { id: string }) => string,
  id: string,
): string | null {
  const c = lookup.contract(id);
  return c ? `${orgName(lookup.org(c.consignor))} → ${orgName(lookup.org(c.contractor))}` : null;
}

/**
 * Carried contracts, each by whose data it brings (its consignor) and its id: `first` leads (the
 * contract a chain runs along), and past `limit` the rest are counted, not listed.
 */
export function CarriedList({
  ids,
  lookup,
  onOpen,
  first,
  limit = 3,
}: {
  ids: string[];
  lookup: Lookup;
  onOpen: OpenContract;
  first?: string;
  limit?: number;
}) {
  const { t, orgName } = useLanguage();
  const ordered = first && ids.includes(first) ? [first, ...ids.filter((id) => id !== first)] : ids;
  const shown = ordered.length > limit + 1 ? ordered.slice(0, limit) : ordered;
  const items: ReactNode[] = shown.map((id) => {
    const c = lookup.contract(id);
    return (
      <ContractLink key={id} id={id} lookup={lookup} onOpen={onOpen}>
        {c ? orgName(lookup.org(c.consignor)) : null}
      </ContractLink>
    );
  });
  if (shown.length < ordered.length) items.push(t("andMore", { n: ordered.length - shown.length }));
  return (
    <>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered whole, never reordered.
        <Fragment key={i}>
          {i > 0 && t("listSeparator")}
          {item}
        </Fragment>
      ))}
    </>
  );
}
