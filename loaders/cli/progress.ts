/**
 * Progress on stderr: a line per step, and for long steps a counter with a
 * time estimate, redrawn in place on a terminal and printed every few
 * seconds elsewhere (CI logs).
 */
export interface Progress {
  /** a step starts */
  step(label: string): void;
  /** done of total in the current step */
  update(done: number, total: number): void;
  /** a note (warning, summary) */
  note(text: string): void;
  /** the current step is finished */
  done(detail?: string): void;
}

export function stderrProgress(quiet = false): Progress {
  const tty = process.stderr.isTTY === true;
  let label = "";
  let started = 0;
  let lastPrint = 0;
  const write = (text: string) => {
    if (!quiet) process.stderr.write(text);
  };
  return {
    step(text) {
      label = text;
      started = performance.now();
      lastPrint = 0;
      write(tty ? `${text}…` : `${text}…\n`);
    },
    update(done, total) {
      const now = performance.now();
      if (now - lastPrint < (tty ? 200 : 5000)) return;
      lastPrint = now;
      const elapsed = (now - started) / 1000;
      const rate = done / Math.max(elapsed, 1e-3);
      const left = total > done ? (total - done) / rate : 0;
      const text = `${label}: ${formatCount(done)} of ${formatCount(total)} (${Math.round((100 * done) / total)}%, about ${formatSeconds(left)} left)`;
      write(tty ? `\r\x1b[2K${text}` : `${text}\n`);
    },
    note(text) {
      write(tty && label ? `\r\x1b[2K${text}\n${label}…` : `${text}\n`);
    },
    done(detail) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      write(tty ? `\r\x1b[2K${label}: done in ${seconds} s${detail ? `, ${detail}` : ""}\n` : `${label}: done in ${seconds} s${detail ? `, ${detail}` : ""}\n`);
      label = "";
    }
  };
}

function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

function formatSeconds(s: number): string {
  return s < 90 ? `${Math.ceil(s)} s` : `${Math.ceil(s / 60)} min`;
}
