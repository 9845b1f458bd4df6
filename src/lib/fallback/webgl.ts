/**
 * Can this browser draw the WebGL map? Checked before MapLibre is created, so
 * a browser without WebGL (disabled, blocklisted GPU, failing driver) gets the
 * SVG map straight away instead of an exception.
 */
export function hasWebGL(doc: Document = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return false;
    (gl as WebGLRenderingContext).getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}
