import AAECore
import AAEReport
import Foundation

/// The latent scatter plot: held-out codes coloured by digit.
enum LatentScatter {
    static func write(model: TrainableModel, data: LabeledImages, limit: Int, title: String, to url: URL) throws {
        let images = data.slice(0..<min(limit, data.count))
        let codes = images.pixels.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: images.count) }
        let dimension = model.latentDimension
        let xs = (0..<images.count).map { codes[$0 * dimension] }
        let ys = (0..<images.count).map { dimension > 1 ? codes[$0 * dimension + 1] : 0 }
        let plot = ScatterPlot(xs: xs, ys: ys, labels: images.labels.map(Int.init),
                               labelNames: (0...9).map { "digit \($0)" }, title: title,
                               xTitle: "z[0]", yTitle: dimension > 1 ? "z[1]" : "")
        try plot.write(to: url)
    }
}
