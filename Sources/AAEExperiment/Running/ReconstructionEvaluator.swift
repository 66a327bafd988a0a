import AAECore

/// Measures reconstruction error with pixels in [0, 1] whatever the training
/// scale, on the held-out set and on an equally sized slice of the training set.
struct ReconstructionEvaluator {
    let train: LabeledImages
    let test: LabeledImages
    let scale: PixelScale

    init(data: DataSplit, scale: PixelScale, size: Int) {
        train = data.train.slice(0..<min(size, data.train.count))
        test = data.test.slice(0..<min(size, data.test.count))
        self.scale = scale
    }

    func trainMSE(_ model: TrainableModel) -> Double { meanSquaredError(model, on: train) }
    func heldOutMSE(_ model: TrainableModel) -> Double { meanSquaredError(model, on: test) }

    /// The mean over pixels and examples of the squared error, both mapped to [0, 1].
    func meanSquaredError(_ model: TrainableModel, on images: LabeledImages) -> Double {
        guard images.count > 0 else { return .nan }
        let reconstructions = images.pixels.withUnsafeBufferPointer { pixels in
            images.labels.withUnsafeBufferPointer { labels in
                model.reconstruct(pixels.baseAddress!, labels: labels.baseAddress!, count: images.count)
            }
        }
        var total: Double = 0
        for i in 0..<images.pixels.count {
            let d = Double(scale.unitInterval(reconstructions[i]) - scale.unitInterval(images.pixels[i]))
            total += d * d
        }
        return total / Double(images.pixels.count)
    }
}
