import { scaleLinear } from "d3-scale";

/** Bar lengths in percent of the longest, from 0 on a linear scale (a bar's length is its figure). */
export function barScale(values: number[]): (value: number) => number {
  const scale = scaleLinear()
    .domain([0, Math.max(1, ...values)])
    .range([0, 100]);
  return (value) => scale(value);
}
