/// A dense, row-major, contiguous array of `Float` values.
///
/// Tensors own their memory and are reference types: the computation graph
/// allocates one tensor per value and per gradient when it is built, and reuses
/// them on every step, so a training step allocates nothing.
public final class Tensor {
    /// The extent of each dimension, outermost first. A 2-D tensor is `[rows, columns]`.
    public let shape: [Int]
    /// The number of elements, the product of `shape`.
    public let count: Int
    /// The elements, row-major. Valid for the tensor's lifetime.
    public let data: UnsafeMutablePointer<Float>

    /// Creates a tensor of the given shape filled with `value`.
    public init(shape: [Int], repeating value: Float = 0) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        self.shape = shape
        self.count = shape.reduce(1, *)
        self.data = .allocate(capacity: max(count, 1))
        data.initialize(repeating: value, count: max(count, 1))
    }

    /// Creates a tensor of the given shape holding `values` in row-major order.
    public convenience init(shape: [Int], values: [Float]) {
        self.init(shape: shape)
        precondition(values.count == count, "\(values.count) values for shape \(shape)")
        values.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: count) }
    }

    deinit { data.deallocate() }

    /// The number of rows when viewed as a matrix: the first dimension of a tensor
    /// of rank 2 or more; a vector or scalar is a single row.
    public var rows: Int { shape.count >= 2 ? shape[0] : 1 }
    /// The number of columns when viewed as a matrix: all elements of one row.
    public var columns: Int { rows == 0 ? 0 : count / rows }

    public subscript(index: Int) -> Float {
        get { data[index] }
        set { data[index] = newValue }
    }

    public subscript(row: Int, column: Int) -> Float {
        get { data[row * columns + column] }
        set { data[row * columns + column] = newValue }
    }

    /// Sets every element to `value`.
    public func fill(_ value: Float) {
        data.update(repeating: value, count: count)
    }

    /// Copies the elements of `other`, which must have the same element count.
    public func copy(from other: Tensor) {
        precondition(other.count == count, "copy between \(other.shape) and \(shape)")
        data.update(from: other.data, count: count)
    }

    /// The elements as an array (a copy).
    public var scalars: [Float] { Array(UnsafeBufferPointer(start: data, count: count)) }

    /// The element of a one-element tensor.
    public var scalar: Float {
        precondition(count == 1, "scalar of a tensor of shape \(shape)")
        return data[0]
    }
}
