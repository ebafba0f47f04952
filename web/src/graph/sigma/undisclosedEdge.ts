import {
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  type EdgeProgram,
  type EdgeProgramType,
} from "sigma/rendering";
import type { ContractAttributes, OrgAttributes } from "../dataset.ts";

/**
 * sigma's edge fragment shader, dashed: a fragment is dropped past `on` px of every `period` px of
 * the screen axis the edge runs along most (read from its normal), so an edge of any slope is drawn
 * as dashes of about `on` px. Picking (hover, click) still sees the whole edge.
 */
const dashedFragment = (period: number, on: number) => /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  float along = abs(v_normal.x) > abs(v_normal.y) ? gl_FragCoord.y : gl_FragCoord.x;
  if (mod(along, ${period.toFixed(1)}) > ${on.toFixed(1)}) discard;
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

type Program = EdgeProgramType<OrgAttributes, ContractAttributes>;

/** sigma's clamped edge (the body of its arrow) with the dashed fragment shader. */
const Clamped = createEdgeClampedProgram<OrgAttributes, ContractAttributes>() as unknown as new (
  ...args: ConstructorParameters<Program>
) => { getDefinition(): ReturnType<EdgeProgram<string, OrgAttributes, ContractAttributes>["getDefinition"]> };

/** An arrow whose body is drawn in dashes of `on` px every `period` px (its head whole). */
export function dashedArrowProgram(period: number, on: number): Program {
  const fragment = dashedFragment(period, on);
  class DashedClampedProgram extends Clamped {
    override getDefinition() {
      // sigma's definition, the fragment shader aside.
      return { ...super.getDefinition(), FRAGMENT_SHADER_SOURCE: fragment };
    }
  }
  return createEdgeCompoundProgram<OrgAttributes, ContractAttributes>([
    DashedClampedProgram as unknown as Program,
    createEdgeArrowHeadProgram<OrgAttributes, ContractAttributes>(),
  ]);
}

/** A dashed arrow: how a contract whose records are undisclosed is drawn. */
export const DashedArrowProgram: Program = dashedArrowProgram(9, 5);
