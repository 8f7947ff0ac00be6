// Latency against throughput, one point per hardware configuration, as plain SVG.

export interface PerformancePoint {
  label: string;
  throughput: number;
  latency: number;
}

const WIDTH = 480;
const HEIGHT = 280;
const PAD = 48;

function scale(value: number, max: number, span: number): number {
  return max > 0 ? (value / max) * span : 0;
}

export function PerformanceChart({ points, latencyLabel }: { points: PerformancePoint[]; latencyLabel: string }) {
  if (points.length === 0) return <p>No performance measurements to chart.</p>;
  const maxX = Math.max(...points.map((p) => p.throughput)) * 1.1;
  const maxY = Math.max(...points.map((p) => p.latency)) * 1.1;
  const summary = points
    .map((p) => `${p.label}: ${p.throughput} requests/s at ${p.latency} ms`)
    .join("; ");
  return (
    <figure className="chart">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${latencyLabel} against throughput. ${summary}`}
      >
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - 10} y2={HEIGHT - PAD} stroke="#333" />
        <line x1={PAD} y1={10} x2={PAD} y2={HEIGHT - PAD} stroke="#333" />
        <text x={(WIDTH + PAD) / 2} y={HEIGHT - 12} textAnchor="middle" fontSize="12">
          Throughput (requests/s, max {maxX.toFixed(1)})
        </text>
        <text x={14} y={HEIGHT / 2} textAnchor="middle" fontSize="12" transform={`rotate(-90 14 ${HEIGHT / 2})`}>
          {latencyLabel} (ms)
        </text>
        {points.map((p) => {
          const x = PAD + scale(p.throughput, maxX, WIDTH - PAD - 20);
          const y = HEIGHT - PAD - scale(p.latency, maxY, HEIGHT - PAD - 20);
          return (
            <g key={p.label}>
              <circle cx={x} cy={y} r={5} fill="#1d4ed8" />
              <text x={x + 8} y={y - 6} fontSize="11">
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{latencyLabel} against throughput per hardware configuration.</figcaption>
    </figure>
  );
}
