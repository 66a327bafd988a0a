import AAECore
import AAEReport
import Foundation

/// `latent_scatter.png`: the held-out codes coloured by digit, over faint samples of
/// the prior when the model has one, so how well the codes fill the prior shows at a
/// glance (the paper's Fig. 2).
///
/// Codes wider than 2 are drawn on their first two principal components (fitted to the
/// held-out codes; the prior samples are projected onto the same plane) and the axis
/// titles give the share of variance each component explains. With
/// `report.projection: tsne` they are drawn as an exact t-SNE embedding instead, which
/// keeps neighbourhoods but has no place for the prior, so the background is left out
/// (its samples are still drawn, so the figures after this one do not change).
public enum LatentScatterFigure {
    /// How many prior samples form the background.
    public static let priorSampleCount = 2_000
    /// A pale sand, not grey: tab10 gives digit 7 grey, and the prior's key must not
    /// read as a tenth digit.
    static let priorColor = Color(red: 0.78, green: 0.70, blue: 0.52, alpha: 0.3)

    /// Writes the figure for the first `RunFigures.heldOutLimit` images of `test` to `url`,
    /// drawing the prior samples from `random`; writes nothing and returns false when
    /// there are no held-out images, or when `options.shouldStop` stopped the t-SNE.
    @discardableResult
    public static func write(model: TrainableModel, test: LabeledImages, title: String,
                             random: inout RandomGenerator, options: FigureOptions = .default,
                             to url: URL) throws -> Bool {
        let images = test.slice(0..<min(RunFigures.heldOutLimit, test.count))
        guard images.count > 0, model.latentDimension > 0 else { return false }
        let codes = ModelImages.codes(of: images, model: model)
        let dimension = model.latentDimension
        let priorSamples = model.prior.flatMap { prior in
            prior.dimension == dimension ? prior.samples(rows: priorSampleCount, random: &random) : nil
        }

        let plot: ScatterPlot
        let labelNames = (0...9).map { images.classNames.name($0) }
        if options.projection == .tsne, dimension > 2 {
            var tsneRandom = RandomGenerator(seed: options.seed, stream: RandomStreams.tsne)
            let tsne = TSNE(perplexity: options.tsne.perplexity, iterations: options.tsne.iterations)
            guard let embedding = tsne.embed(codes, dimension: dimension, random: &tsneRandom,
                                             shouldStop: options.shouldStop) else { return false }
            let count = embedding.count / 2
            let subject = "held-out codes (t-SNE of \(dimension)-D codes, perplexity \(options.tsne.perplexity.formatted))"
            plot = ScatterPlot(xs: (0..<count).map { embedding[2 * $0] }, ys: (0..<count).map { embedding[2 * $0 + 1] },
                               labels: images.labels.map(Int.init), labelNames: labelNames,
                               title: RunFigures.heading(title, subject), xTitle: "t-SNE 1", yTitle: "t-SNE 2")
        } else {
            let plane = CodePlane(fittedTo: codes, dimension: dimension)
            let (xs, ys) = plane.coordinates(of: codes)
            let background = priorSamples.map { samples in
                let projected = plane.coordinates(of: samples)
                return ScatterPlot.Background(xs: projected.xs, ys: projected.ys, name: "prior samples",
                                              color: priorColor)
            }
            let subject = plane.note.isEmpty ? "held-out codes" : "held-out codes (\(plane.note))"
            plot = ScatterPlot(xs: xs, ys: ys, labels: images.labels.map(Int.init), labelNames: labelNames,
                               background: background, title: RunFigures.heading(title, subject),
                               xTitle: plane.axisTitle(0), yTitle: plane.axisTitle(1))
        }
        try plot.write(to: url)
        return true
    }
}

extension LatentScatterFigure: RunFigure {
    public static let plotName = "latent_scatter"
    public static let drawsImages = false

    public static func draw(_ inputs: FigureInputs, random: inout RandomGenerator, to url: URL) throws -> Bool {
        try write(model: inputs.model, test: inputs.test, title: inputs.title, random: &random,
                  options: inputs.options, to: url)
    }
}
