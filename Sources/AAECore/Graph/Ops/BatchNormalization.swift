/// Batch normalisation over the batch, per feature: `γ · (x − μ) / √(σ² + ε) + β`.
/// On an NHWC feature map a "feature" is a channel, normalised over the batch's
/// `batch · height · width` pixels: the input is read as a `[rows, channels]` matrix.
///
/// In training it uses the batch's mean and (biased) variance and moves the
/// running statistics towards them; in inference it uses the running statistics,
/// as Keras' `BatchNormalization` does.
final class BatchNormalizationOperation: Operation {
    unowned let graph: Graph
    let runningMean: Tensor
    let runningVariance: Tensor
    let momentum: Float
    let epsilon: Float
    let normalized: Tensor
    let inverseDeviation: Tensor
    let sumOfGradients: Tensor
    let sumOfGradientsTimesNormalized: Tensor

    let rows: Int
    let columns: Int

    /// Normalises each of `channels` columns of the input of `shape` viewed as `[count / channels, channels]`.
    init(graph: Graph, shape: [Int], channels: Int, runningMean: Tensor, runningVariance: Tensor, momentum: Float,
         epsilon: Float) {
        self.graph = graph
        columns = channels
        rows = shape.reduce(1, *) / channels
        self.runningMean = runningMean
        self.runningVariance = runningVariance
        self.momentum = momentum
        self.epsilon = epsilon
        self.normalized = Tensor(shape: shape)
        self.inverseDeviation = Tensor(shape: [channels])
        self.sumOfGradients = Tensor(shape: [channels])
        self.sumOfGradientsTimesNormalized = Tensor(shape: [channels])
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, gamma = inputs[1].value.data, beta = inputs[2].value.data
        let y = output.value.data, xhat = normalized.data, inv = inverseDeviation.data
        for c in 0..<columns {
            let mean: Float, variance: Float
            if graph.isTraining {
                var sum: Float = 0
                for r in 0..<rows { sum += x[r * columns + c] }
                mean = sum / Float(rows)
                var squares: Float = 0
                for r in 0..<rows {
                    let d = x[r * columns + c] - mean
                    squares += d * d
                }
                variance = squares / Float(rows)
                let unbiased = rows > 1 ? squares / Float(rows - 1) : variance
                runningMean.data[c] = momentum * runningMean.data[c] + (1 - momentum) * mean
                runningVariance.data[c] = momentum * runningVariance.data[c] + (1 - momentum) * unbiased
            } else {
                mean = runningMean.data[c]
                variance = runningVariance.data[c]
            }
            inv[c] = 1 / (variance + epsilon).squareRoot()
            for r in 0..<rows {
                let i = r * columns + c
                xhat[i] = (x[i] - mean) * inv[c]
                y[i] = gamma[c] * xhat[i] + beta[c]
            }
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let gamma = inputs[1].value.data, xhat = normalized.data, inv = inverseDeviation.data
        sumOfGradients.fill(0)
        sumOfGradientsTimesNormalized.fill(0)
        let sumDy = sumOfGradients.data, sumDyXhat = sumOfGradientsTimesNormalized.data
        for r in 0..<rows {
            for c in 0..<columns {
                sumDy[c] += dy[r * columns + c]
                sumDyXhat[c] += dy[r * columns + c] * xhat[r * columns + c]
            }
        }
        let n = Float(rows)
        if graph.isTraining {
            inputs[0].accumulateGradient { i in
                let c = i % columns
                return gamma[c] * inv[c] / n * (n * dy[i] - sumDy[c] - xhat[i] * sumDyXhat[c])
            }
        } else {
            inputs[0].accumulateGradient { i in gamma[i % columns] * inv[i % columns] * dy[i] }
        }
        inputs[1].accumulateGradient { sumDyXhat[$0] }
        inputs[2].accumulateGradient { sumDy[$0] }
    }
}
