import {
  percentText,
  type QualityList,
  type QualityListName,
  type QualityReport,
} from "../../../domain/index.ts";
import { fill, fillCount, formatNumber, type Lang, WORDS } from "../../../locale/index.ts";

/** The Data view's sentences, from the one vocabulary (locale/), as the reports word them. */
export function qualitySentences(lang: Lang, report: QualityReport) {
  const w = WORDS[lang].quality;
  return {
    w,
    /** How many of how many, and what an item means. */
    intro: (name: QualityListName) => {
      const { total, of } = report[name];
      return fill(w.intros[name], {
        total: formatNumber(total),
        of: formatNumber(of),
        share: percentText(total, of),
        today: report.today,
      });
    },
    /** Where an item's rows come from. */
    from: (list: QualityList<unknown>) =>
      fillCount(list.columns.length, w.from, w.fromMany, {
        file: list.file,
        columns: list.columns.join(w.columnsSeparator),
      }),
    /** What the view leaves out of a list; null when it shows every row. */
    capped: (list: QualityList<unknown>) =>
      list.rows.length >= list.total
        ? null
        : fill(w.capped, {
            shown: formatNumber(list.rows.length),
            total: formatNumber(list.total),
            rest: formatNumber(list.total - list.rows.length),
          }),
    /** A share's tooltip: how many of how many. */
    shareTitle: (n: number, of: number) =>
      fill(w.shareTitle, { n: formatNumber(n), of: formatNumber(of), percent: percentText(n, of) }),
  };
}
