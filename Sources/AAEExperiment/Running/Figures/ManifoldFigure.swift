import AAECore
import AAEReport
import Foundation

/// `manifold.png`: the decoder's images over an evenly spaced grid of codes, showing
/// what the code space has learnt to mean (the paper's Fig. 2, right; Kingma & Welling's
/// Fig. 4).
///
/// The grid spans the central 90% of the held-out codes along each axis (their 5th to
/// 95th percentiles), whatever the prior. That is the region the decoder was trained
/// on; it works for models without a prior, for priors of any shape, and for codes that
/// missed their prior. For codes that do follow a standard normal it is about ±1.64,
/// the span of Kingma & Welling's manifold (Φ⁻¹ of 0.05 … 0.95). Codes wider than 2 are
/// swept over their first two principal directions around the codes' mean, the other
/// directions held at the mean; 1-D codes get a single row.
///
/// `report.manifold` changes the grid: its `size` along each axis, and its `range`, the
/// central quantiles above or a fixed span such as `[-3, 3]` (the seed notebooks' grid
/// for a standard normal code) on both axes of the plane.
///
/// Skipped for decoders that also read a label (see `StyleFigure` for those).
public enum ManifoldFigure {
    /// Images with a side shorter than this are drawn with gaps between the cells.
    static let smallImageSide = 16
    /// The number of grid points along each axis, unless `report.manifold.size` says otherwise.
    public static let gridSize = ManifoldGridSpec.default.size
    /// The share of the held-out codes the grid spans along each axis.
    public static let centralShare: Float = 0.9

    /// Writes the figure to `url`, or nothing (returning false) when the decoder reads
    /// labels or there are no held-out images.
    @discardableResult
    public static func write(model: TrainableModel, test: LabeledImages, scale: PixelScale, title: String,
                             grid: ManifoldGridSpec = .default, to url: URL) throws -> Bool {
        let images = test.slice(0..<min(RunFigures.heldOutLimit, test.count))
        guard model.decoderLabelCount == 0, model.latentDimension > 0, images.count > 0 else { return false }
        let codes = ModelImages.codes(of: images, model: model)
        let plane = CodePlane(fittedTo: codes, dimension: model.latentDimension)
        let (xs, ys) = plane.coordinates(of: codes)

        let xValues = gridValues(spanning: xs, grid: grid)
        // The top row shows the largest y, as on a plot whose y axis grows upwards.
        let yValues: [Float] = plane.hasSecondAxis ? gridValues(spanning: ys, grid: grid).reversed() : [0]
        let gridCodes = yValues.flatMap { y in xValues.flatMap { x in plane.code(x: x, y: y) } }
        let pixels = ModelImages.decoded(gridCodes, labels: nil, model: model, scale: scale)

        let subject = plane.note.isEmpty ? "decoder manifold" : "decoder manifold (\(plane.note))"
        var plot = ImageGridPlot(pixels: pixels, imageCount: xValues.count * yValues.count,
                                 imageHeight: images.rows, imageWidth: images.cols,
                                 rows: yValues.count, columns: xValues.count,
                                 title: RunFigures.heading(title, subject),
                                 xTickValues: xValues, yTickValues: plane.hasSecondAxis ? yValues : nil,
                                 xTitle: plane.axisName(0), yTitle: plane.hasSecondAxis ? plane.axisName(1) : "")
        // Seamless, like the manifolds in the papers, where neighbouring digit-sized cells
        // blend; small images (8 × 8) would merge into stripes, so they keep a gap.
        plot.cellGap = min(images.rows, images.cols) < smallImageSide ? 2 : 0
        try plot.write(to: url)
        return true
    }

    /// `grid.size` evenly spaced values over the grid's fixed range, or from the 5th to
    /// the 95th percentile of `values` (a unit-wide span around them if they barely vary).
    public static func gridValues(spanning values: [Float], grid: ManifoldGridSpec = .default) -> [Float] {
        let size = grid.size
        if case .fixed(let low, let high) = grid.span {
            return (0..<size).map { Float(low + (high - low) * Double($0) / Double(size - 1)) }
        }
        let tail = (1 - centralShare) / 2
        var low = quantile(values, tail), high = quantile(values, 1 - tail)
        if !(high - low > 1e-6 * max(abs(low), abs(high), 1)) {
            let centre = (low + high) / 2
            (low, high) = (centre - 0.5, centre + 0.5)
        }
        return (0..<size).map { low + (high - low) * Float($0) / Float(size - 1) }
    }

    /// The `p`-quantile of the finite `values`, interpolating linearly between order
    /// statistics; 0 when there are none.
    static func quantile(_ values: [Float], _ p: Float) -> Float {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return 0 }
        let position = p * Float(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Float(lower))
    }
}

extension ManifoldFigure: RunFigure {
    public static let plotName = "manifold"
    public static let drawsImages = true

    public static func draw(_ inputs: FigureInputs, random: inout RandomGenerator, to url: URL) throws -> Bool {
        try write(model: inputs.model, test: inputs.test, scale: inputs.scale, title: inputs.title,
                  grid: inputs.options.manifold, to: url)
    }
}
