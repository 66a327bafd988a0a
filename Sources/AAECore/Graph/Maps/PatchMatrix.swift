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
    }

    /// The chunks of the batch as (first image, images).
    var chunks: StrideTo<Int> { stride(from: 0, to: batch, by: imagesPerChunk) }

    func images(from first: Int) -> Int { min(imagesPerChunk, batch - first) }

    /// Fills the buffer with the patches of `images` images starting at `x`.
    func gather(_ x: UnsafePointer<Float>, images: Int) {
        let g = geometry
        aae_im2col(x, buffer.data, images, g.inputHeight, g.inputWidth, g.channels, g.kernelHeight, g.kernelWidth,
                   g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight, g.outputWidth)
    }

    /// Adds the buffer's patches of `images` images to the images at `x`.
    func scatterAdd(into x: UnsafeMutablePointer<Float>, images: Int) {
        let g = geometry
        aae_col2im(buffer.data, x, images, g.inputHeight, g.inputWidth, g.channels, g.kernelHeight, g.kernelWidth,
                   g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight, g.outputWidth)
    }
}
