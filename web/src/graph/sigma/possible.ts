import { NodeCircleProgram } from "sigma/rendering";
import type { ContractAttributes, OrgAttributes } from "../dataset.ts";
import { dashedArrowProgram } from "./undisclosedEdge.ts";

/**
 * How what nobody has confirmed is drawn: a `possible` contract as a dotted arrow (short dots, apart
 * from the longer dashes of undisclosed records), and an organisation affected only through such
 * contracts as a hollow disc (a ring of its depth's colour around white), which no colour of the
 * depth ramp can be mistaken for.
 */

/** A dotted arrow: 2 px dots every 7 px (undisclosed records: 5 px dashes every 9 px). */
export const DottedArrowProgram = dashedArrowProgram(7, 2);

/**
 * sigma's circle fragment shader, hollow: the ring (about a third of the radius, at least ~2.5 px)
 * in the node's colour, white inside, edges antialiased as sigma's are. Picking sees the whole disc.
 */
const HOLLOW_FRAGMENT = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

uniform float u_correctionRatio;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
const vec4 white = vec4(1.0, 1.0, 1.0, 1.0);

void main(void) {
  float border = u_correctionRatio * 2.0;
  float d = length(v_diffVector);
  float dist = d - v_radius + border;

  #ifdef PICKING_MODE
  if (dist > border)
    gl_FragColor = transparent;
  else
    gl_FragColor = v_color;
  #else
  float inner = v_radius - max(u_correctionRatio * 5.0, v_radius * 0.34);
  float ring = clamp((d - inner + border) / border, 0.0, 1.0);
  vec4 fill = mix(white, v_color, ring);
  float t = 0.0;
  if (dist > border)
    t = 1.0;
  else if (dist > 0.0)
    t = dist / border;
  gl_FragColor = mix(fill, transparent, t);
  #endif
}
`;

/** sigma's circle with the hollow fragment shader. */
export class HollowNodeProgram extends NodeCircleProgram<OrgAttributes, ContractAttributes> {
  override getDefinition() {
    // sigma's definition, the fragment shader aside.
    return { ...super.getDefinition(), FRAGMENT_SHADER_SOURCE: HOLLOW_FRAGMENT };
  }
}
