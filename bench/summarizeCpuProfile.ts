/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that the summary reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export interface FrameTime {
  frame: string;
  /** Milliseconds with this frame on top of the stack. */
  selfMs: number;
  /** Milliseconds with this frame anywhere on the stack (counted once per sample). */
  totalMs: number;
}

const IDLE_FRAMES = new Set(['(idle)', '(program)', '(root)']);

/** `function (path:line)`, the path relative to the project and dependencies named by package. */
function frameName(callFrame: CpuProfile['nodes'][number]['callFrame'], root: string): string {
  const url = callFrame.url.replace(/^file:\/\//, '').replace(root, '').replace(/^.*node_modules\//, '');
  const name = callFrame.functionName === '' ? '(anonymous)' : callFrame.functionName;
  return url === '' ? name : `${name} (${url}:${callFrame.lineNumber + 1})`;
}

/** Self and total time per function of a CPU profile, busiest first; idle time is left out. */
export function summarizeCpuProfile(profile: CpuProfile, root: string): { busyMs: number; frames: FrameTime[] } {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const frames = new Map<string, FrameTime>();
  const entry = (frame: string) => {
    let found = frames.get(frame);
    if (found === undefined) {
      found = { frame, selfMs: 0, totalMs: 0 };
      frames.set(frame, found);
    }
    return found;
  };
  let busyMs = 0;
  profile.samples.forEach((sampleId, index) => {
    // A sample's delta is the time since the previous sample: attribute it to this stack.
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const top = byId.get(sampleId);
    if (top === undefined || IDLE_FRAMES.has(top.callFrame.functionName)) return;
    busyMs += ms;
    entry(frameName(top.callFrame, root)).selfMs += ms;
    const seen = new Set<string>();
    // Bounded by the depth of the tree: every node has one parent and the root has none.
    for (let id: number | undefined = sampleId; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node === undefined || IDLE_FRAMES.has(node.callFrame.functionName)) continue;
      const name = frameName(node.callFrame, root);
      if (seen.has(name)) continue;
      seen.add(name);
      entry(name).totalMs += ms;
    }
  });
  return { busyMs, frames: [...frames.values()] };
}
