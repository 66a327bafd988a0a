import AAEReport
import Foundation

/// A realistic results tree for exercising the HTML index: a two-seed experiment (one seed
/// diverged), a four-run sweep with summary.csv, and an experiment whose name needs
/// escaping, with metrics.csv files and figures drawn by the real AAEReport plots.
///
/// Used by `IndexFixtureTests` and, through `AAE_INDEX_FIXTURE_DIR`, by
/// scripts/check-html-index.sh, which screenshots the index in a headless browser.
enum IndexFixture {
    static let metricColumns = ["step", "d_loss", "d_acc", "g_loss", "recon_loss", "adv_loss",
                                "train_recon_mse", "heldout_recon_mse"]

    static func write(to root: URL) throws {
        for seed in 1...2 {
            let run = root.appendingPathComponent("aae_deterministic/seed=\(seed)", isDirectory: true)
            try metrics(scale: Double(seed), diverges: seed == 2).write(to: run.appendingPathComponent("metrics.csv"))
            try AtomicFile.write("name: aae_deterministic\nseed: \(seed)\ntraining:\n  steps: 1000\n",
                                 to: run.appendingPathComponent("config.resolved.yaml"))
            try scatter(seed: seed).write(to: run.appendingPathComponent("latent_scatter.png"))
            try losses(scale: Double(seed)).write(to: run.appendingPathComponent("losses.png"))
            try samples(seed: seed).write(to: run.appendingPathComponent("samples.png"))
        }
        try CSVTable(header: ["metric", "value", "standard_error"], rows: [
            ["heldout_recon_mse", "0.02291", "0.0004"], ["log_likelihood", "212.4", "1.9"],
        ]).write(to: root.appendingPathComponent("aae_deterministic/seed=1/eval.csv"))

        let sweep = root.appendingPathComponent("sweep_latent_lr", isDirectory: true)
        var summary = CSVTable(header: ["run_id", "latent_dim", "lr", "status", "final_heldout_recon_mse",
                                        "best_heldout_recon_mse", "wall_time_s"])
        for (index, (latent, lr)) in [(2, "0.001"), (2, "0.0002"), (8, "0.001"), (8, "0.0002")].enumerated() {
            let id = "latent_dim=\(latent),lr=\(lr)"
            let table = metrics(scale: 1 + Double(index) * 0.4, diverges: false)
            try table.write(to: sweep.appendingPathComponent(id).appendingPathComponent("metrics.csv"))
            try scatter(seed: 10 + index).write(to: sweep.appendingPathComponent(id).appendingPathComponent("latent_scatter.png"))
            let final = table.rows.last!.last!
            summary.rows.append([id, String(latent), lr, "completed", final, final,
                                 CSVFormat.float(40.5 + Double(index) * 7.25)])
        }
        try summary.write(to: sweep.appendingPathComponent("summary.csv"))

        let odd = root.appendingPathComponent("notes <draft> & co/seed=1", isDirectory: true)
        try metrics(scale: 3, diverges: false).write(to: odd.appendingPathComponent("metrics.csv"))
        try losses(scale: 3).write(to: odd.appendingPathComponent("losses.png"))
    }

    /// Ten logged steps of plausible, smoothly falling losses.
    static func metrics(scale: Double, diverges: Bool) -> CSVTable {
        var table = CSVTable(header: metricColumns)
        for index in 1...10 {
            let t = Double(index) / 10
            let mse = 0.02 * scale * (1 + 2 * exp(-5 * t))
            var row = [Double(index * 100), 1.386 - 0.1 * t, 0.5 + 0.05 * sin(7 * t), 0.69 + 0.05 * t,
                       mse * 784, 0.69 - 0.02 * t, mse * 0.95, mse]
            if diverges && index == 10 { row = [row[0]] + Array(repeating: Double.nan, count: row.count - 1) }
            table.rows.append(row.map(CSVFormat.float))
        }
        return table
    }

    static func scatter(seed: Int) -> ScatterPlot {
        let count = 600
        let xs: [Float] = (0..<count).map { index in
            let wave: Double = sin(Double(index * (seed + 3)) * 0.37) * 2
            return Float(wave + Double(index % 10 - 5) * 0.3)
        }
        let ys: [Float] = (0..<count).map { index in
            let wave: Double = cos(Double(index * (seed + 1)) * 0.53) * 2
            return Float(wave + Double(index % 7 - 3) * 0.3)
        }
        return ScatterPlot(xs: xs, ys: ys, labels: (0..<count).map { $0 % 10 },
                           labelNames: (0..<10).map(String.init), title: "latent codes (held-out)",
                           xTitle: "z[0]", yTitle: "z[1]", width: 640, height: 560)
    }

    static func losses(scale: Double) -> LineChart {
        let table = metrics(scale: scale, diverges: false)
        let steps = table.column(named: "step")!.compactMap(Double.init)
        func series(_ name: String) -> LineChart.Series {
            .init(name: name, xs: steps, ys: table.column(named: name)!.compactMap(Double.init))
        }
        return LineChart(panels: [
            .init(title: "reconstruction", series: [series("train_recon_mse"), series("heldout_recon_mse")],
                  yScale: .logarithmic),
            .init(title: "adversarial", series: [series("d_loss"), series("g_loss")]),
        ], title: "losses", width: 900, height: 400)
    }

    static func samples(seed: Int) -> ImageGridPlot {
        let images: [[Float]] = (0..<36).map { index in
            (0..<(28 * 28)).map { pixel in
                let x = Double(pixel % 28 - 14), y = Double(pixel / 28 - 14)
                let radius = 6 + Double((index + seed) % 5)
                return Float(max(0, 1 - abs(sqrt(x * x + y * y) - radius) / 2))
            }
        }
        return ImageGridPlot(images: images, imageHeight: 28, imageWidth: 28, rows: 6, columns: 6,
                             title: "samples from the prior", scale: 3)
    }
}
