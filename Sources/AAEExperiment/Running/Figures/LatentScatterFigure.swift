import AAECore
import AAEReport
import Foundation

/// `latent_scatter.png`: the held-out codes coloured by digit, over faint samples of
/// the prior when the model has one, so how well the codes fill the prior shows at a
/// glance (the paper's Fig. 2).
///
/// Codes wider than 2 are drawn on their first two principal components (fitted to the
/// held-out codes; the prior samples are projected onto the same plane) and the axis
/// titles give the share of variance each component explains.
public enum LatentScatterFigure {
    public static let fileName = "latent_scatter.png"
    /// How many prior samples form the background.
    public static let priorSampleCount = 2_000
    /// A pale sand, not grey: tab10 gives digit 7 grey, and the prior's key must not
    /// read as a tenth digit.
    static let priorColor = Color(red: 0.78, green: 0.70, blue: 0.52, alpha: 0.3)

    /// Writes the figure for the first `RunFigures.heldOutLimit` images of `test` to `url`,
    /// drawing the prior samples from `random`; writes nothing and returns false when
    /// there are no held-out images.
    @discardableResult
    public static func write(model: TrainableModel, test: LabeledImages, title: String,
                             random: inout RandomGenerator, to url: URL) throws -> Bool {
        let images = test.slice(0..<min(RunFigures.heldOutLimit, test.count))
        guard images.count > 0, model.latentDimension > 0 else { return false }
        let codes = ModelImages.codes(of: images, model: model)
        let plane = CodePlane(fittedTo: codes, dimension: model.latentDimension)
        let (xs, ys) = plane.coordinates(of: codes)

        var background: ScatterPlot.Background?
        if let prior = model.prior, prior.dimension == model.latentDimension {
            let samples = plane.coordinates(of: prior.samples(rows: priorSampleCount, random: &random))
            background = ScatterPlot.Background(xs: samples.xs, ys: samples.ys, name: "prior samples",
                                                color: priorColor)
        }
        let subject = plane.note.isEmpty ? "held-out codes" : "held-out codes (\(plane.note))"
        let plot = ScatterPlot(xs: xs, ys: ys, labels: images.labels.map(Int.init),
                               labelNames: (0...9).map { images.rows == 1 ? "label \($0)" : "digit \($0)" }, background: background,
                               title: RunFigures.heading(title, subject),
                               xTitle: plane.axisTitle(0), yTitle: plane.axisTitle(1))
        try plot.write(to: url)
        return true
    }
}
