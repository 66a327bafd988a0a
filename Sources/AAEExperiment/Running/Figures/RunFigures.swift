import AAECore
import AAEReport
import Foundation

/// Every figure of a finished run, written side by side with its metrics.csv.
///
/// Each figure is its own type conforming to `RunFigure`, listed once in `all`, and
/// decides by itself whether it applies to the model. All randomness comes from the generator
/// passed in, and the figures consume it in a fixed order, so the same model, data and
/// seed give byte-identical PNG files.
public enum RunFigures {
    /// Figures built from held-out codes use at most this many held-out images.
    public static let heldOutLimit = 2_000
    /// The least size of the longer side of an image grid, in pixels: small images
    /// (8 × 8 digits) are enlarged to it so that their figures stay readable.
    static let minimumGridSize: Double = 480

    /// The figures every model kind can draw, one line each, in the order `report.plots` lists
    /// them and `writeAll` draws them (and so the order they draw from the figures' random stream).
    public static let all: [any RunFigure.Type] = [
        LatentScatterFigure.self,
        ManifoldFigure.self,
        ReconstructionsFigure.self,
        SamplesFigure.self,
        LossesFigure.self,
        StyleFigure.self,
    ]

    /// The figures of a model with a categorical code group (`CategoricalCodeModel`), one line
    /// each, which the model kinds that build one list as their own figures after `all`.
    public static let categoricalCode: [any RunFigure.Type] = [
        CategorySamplesFigure.self,
        CategoryStylesFigure.self,
        ConfusionMatrixFigure.self,
    ]

    /// The figures a model of `kind` can draw, in the order `writeAll` draws them: the common
    /// ones, then the kind's own.
    static func figures(for kind: any ModelKindDefinition) -> [any RunFigure.Type] {
        all + kind.figures
    }

    /// The common figures' names as `report.plots` gives them, in `all`'s order.
    public static var plotNames: [String] { all.map { $0.plotName } }

    /// The files of every figure a run of any kind can draw: the common figures in the order
    /// `writeAll` draws them, then the kinds' own.
    public static var fileNames: [String] { (all + categoricalCode).map { $0.fileName } }

    /// Writes every figure of `plots` (names without `.png`, as in `report.plots`) that
    /// applies to `model` into `directory` and returns the files written, in `all`'s order.
    /// Figures drawn as images are skipped for point data (`rows` 1). `title` (the
    /// experiment's name) starts every figure's title; `metrics` is the run's metrics
    /// table; `scale` is the pixel scale of `test` and of the decoder; `options` are the
    /// report's drawing options; `figures` are the figures the model's kind can draw, in
    /// order. When `options.shouldStop()` turns true the remaining figures are not drawn (it
    /// is checked before each).
    @discardableResult
    public static func writeAll(model: TrainableModel, test: LabeledImages, scale: PixelScale, metrics: CSVTable,
                                directory: URL, title: String, random: inout RandomGenerator,
                                figures: [any RunFigure.Type] = all, plots: Set<String>? = nil,
                                options: FigureOptions = .default) throws -> [URL] {
        precondition(test.count == 0 || test.featureCount == model.inputFeatures,
                     "images of \(test.featureCount) pixels for a model of \(model.inputFeatures) inputs")
        let inputs = FigureInputs(model: model, test: test, scale: scale, metrics: metrics, title: title, options: options)
        var written: [URL] = []
        let plots = plots ?? Set(figures.map { $0.plotName })
        for figure in figures {
            guard !options.shouldStop(), plots.contains(figure.plotName), test.rows > 1 || !figure.drawsImages else {
                continue
            }
            let url = directory.appendingPathComponent(figure.fileName)
            if try figure.draw(inputs, random: &random, to: url) { written.append(url) }
        }
        return written
    }

    /// A figure title: "`title`: `subject`", or the subject alone when `title` is empty.
    static func heading(_ title: String, _ subject: String) -> String {
        title.isEmpty ? subject : "\(title): \(subject)"
    }
}
