import CKernels

/// The patch-matrix buffer of a convolution, allocated once when the graph is
/// built and reused by every step: a few images at a time (at most
/// `capacityValues` values, at least one image), so that a product's operand
/// stays in cache and the buffer's size does not grow with the batch.
final class PatchMatrix {
    let geometry: ConvolutionGeometry
    let batch: Int
    /// The images one chunk holds.
    let imagesPerChunk: Int
    let buffer: Tensor
    private let pass: PatchPass

    /// The values a patch buffer holds at most (1 MiB), unless one image needs more.
    static let capacityValues = 1 << 18

    /// The buffer for `batch` images laid out by `geometry`, of at most
    /// `capacity` values (`capacityValues` when nil) unless one image needs more.
    init(geometry: ConvolutionGeometry, batch: Int, capacity: Int? = nil) {
        self.geometry = geometry
        self.batch = batch
        let perImage = max(geometry.outputPositions * geometry.patchSize, 1)
        imagesPerChunk = max(1, min(batch, (capacity ?? Self.capacityValues) / perImage))
        buffer = Tensor(shape: [imagesPerChunk * geometry.outputPositions, geometry.patchSize])
        pass = PatchPass(geometry: geometry, buffer: buffer.data)
    }

    /// The chunks of the batch as (first image, images).
    var chunks: StrideTo<Int> { stride(from: 0, to: batch, by: imagesPerChunk) }

    func images(from first: Int) -> Int { min(imagesPerChunk, batch - first) }

    /// Fills the buffer with the patches of `images` images starting at `x`.
    func gather(_ x: UnsafePointer<Float>, images: Int) {
        pass.images = UnsafeMutablePointer(mutating: x)
        pass.isGather = true
        pass.run(count: images, minimumChunk: pass.minimumImages)
    }

    /// Adds the buffer's patches of `images` images to the images at `x`.
    func scatterAdd(into x: UnsafeMutablePointer<Float>, images: Int) {
        pass.images = x
        pass.isGather = false
        pass.run(count: images, minimumChunk: pass.minimumImages)
    }
}

/// A gather (im2col) or scatter (col2im) of a chunk's images, shared out over the
/// run's threads in whole images: each image's patch rows are its own, so the split changes no bit.
private final class PatchPass: ChunkedPass {
    var chunks = PassChunks()
    let geometry: ConvolutionGeometry
    let buffer: UnsafeMutablePointer<Float>
    /// The first image of the chunk: read by a gather, added to by a scatter.
    var images: UnsafeMutablePointer<Float>?
    var isGather = true
    let minimumImages: Int

    init(geometry: ConvolutionGeometry, buffer: UnsafeMutablePointer<Float>) {
        self.geometry = geometry
        self.buffer = buffer
        minimumImages = ElementwiseChunking.minimumItems(valuesPerItem: geometry.outputPositions * geometry.patchSize,
                                                         minimumValues: ElementwiseChunking.minimumPatchValues)
    }

    func perform(range: Range<Int>) {
        guard let images else { return }
        let g = geometry, first = range.lowerBound
        let x = images + first * g.inputSize, patches = buffer + first * g.outputPositions * g.patchSize
        if isGather {
            aae_im2col(x, patches, range.count, g.inputHeight, g.inputWidth, g.channels, g.kernelHeight,
                       g.kernelWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight,
                       g.outputWidth)
        } else {
            aae_col2im(patches, x, range.count, g.inputHeight, g.inputWidth, g.channels, g.kernelHeight,
                       g.kernelWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight,
                       g.outputWidth)
        }
    }
}
