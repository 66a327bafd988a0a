import AAECore
import Foundation

/// `heldout_recon_mse` and `heldout_recon_bce`: the mean squared error per pixel and
/// the binary cross-entropy per image (summed over pixels, predictions clipped to
/// [1e-7, 1 − 1e-7]) of the held-out reconstructions, pixels in [0, 1].
struct ReconstructionErrorMetric: EvaluationMetric {
    func names(for model: TrainableModel, experiment: Experiment) -> [String] {
        ["heldout_recon_mse", "heldout_recon_bce"]
    }

    func evaluate(_ context: EvaluationContext, random: inout RandomGenerator) -> [Metric] {
        let pixels = context.testPixels, reconstructions = context.reconstructions
        var squared: Double = 0, crossEntropy: Double = 0
        for i in pixels.indices {
            let x = Double(pixels[i]), p = Double(reconstructions[i])
            squared += (x - p) * (x - p)
            let q = min(max(p, 1e-7), 1 - 1e-7)
            crossEntropy -= x * Foundation.log(q) + (1 - x) * Foundation.log(1 - q)
        }
        return [Metric(name: "heldout_recon_mse", value: squared / Double(max(pixels.count, 1))),
                Metric(name: "heldout_recon_bce", value: crossEntropy / Double(max(context.test.count, 1)))]
    }
}
