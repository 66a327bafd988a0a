import AAECore

/// The model calls the figures make, with images as `[0, 1]` grey levels ready to draw.
enum ModelImages {
    /// The codes of every image of `images`, row-major.
    static func codes(of images: LabeledImages, model: TrainableModel) -> [Float] {
        guard images.count > 0 else { return [] }
        return images.pixels.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: images.count) }
    }

    /// The decoder's images for `codes` (row-major, `model.latentDimension` values each)
    /// with `labels` for a label-reading decoder, mapped from the model's scale to `[0, 1]`.
    static func decoded(_ codes: [Float], labels: [Int32]?, model: TrainableModel, scale: PixelScale) -> [Float] {
        let count = codes.count / model.latentDimension
        guard count > 0 else { return [] }
        precondition(labels.map { $0.count == count } ?? true, "need one label per code")
        let outputs = codes.withUnsafeBufferPointer { codes in
            if let labels {
                return labels.withUnsafeBufferPointer {
                    model.decode(codes.baseAddress!, labels: $0.baseAddress!, count: count)
                }
            }
            return model.decode(codes.baseAddress!, labels: nil, count: count)
        }
        return outputs.map(scale.unitInterval)
    }

    /// The reconstructions of every image of `images`, mapped to `[0, 1]`.
    static func reconstructed(_ images: LabeledImages, model: TrainableModel, scale: PixelScale) -> [Float] {
        guard images.count > 0 else { return [] }
        let outputs = images.pixels.withUnsafeBufferPointer { pixels in
            images.labels.withUnsafeBufferPointer { labels in
                model.reconstruct(pixels.baseAddress!, labels: labels.baseAddress!, count: images.count)
            }
        }
        return outputs.map(scale.unitInterval)
    }
}
