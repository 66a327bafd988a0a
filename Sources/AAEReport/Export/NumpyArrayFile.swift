import Foundation

/// An array in NumPy's `.npy` format (version 1.0), as `numpy.save` writes it
/// and `numpy.load` reads it, so that codes and labels open in a notebook with
/// one call.
///
///     "\x93NUMPY" 1 0      magic and format version
///     header length        UInt16, little-endian
///     header               a Python dict literal: descr, fortran_order, shape;
///                          space-padded and ended by "\n" so that the data
///                          starts at a multiple of 64 bytes
///     data                 the values, C order, little-endian
///
/// The header is byte for byte the one NumPy writes, including the spare
/// spaces it leaves for growing the first axis.
public struct NumpyArrayFile: Equatable, Sendable {
    /// The element types this project writes.
    public enum ElementType: String, CaseIterable, Sendable {
        /// Little-endian float32 (`<f4`).
        case float32 = "<f4"
        /// Little-endian int32 (`<i4`).
        case int32 = "<i4"

        var size: Int { 4 }
    }

    public let elementType: ElementType
    public let shape: [Int]
    /// The data's bytes, little-endian, C order.
    public let data: [UInt8]

    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
    /// The alignment of the data (NumPy's `ARRAY_ALIGN`).
    static let alignment = 64
    /// The digits NumPy reserves for the first axis to grow in place (`GROWTH_AXIS_MAX_DIGITS`).
    static let growthDigits = 21

    /// A float32 array of `shape` (C order) holding `values`.
    public init(_ values: [Float], shape: [Int]) {
        precondition(shape.reduce(1, *) == values.count, "\(values.count) values do not fill the shape \(shape)")
        self.init(elementType: .float32, shape: shape, data: LittleEndianBytes.of(values))
    }

    /// An int32 array of `shape` (C order) holding `values`.
    public init(_ values: [Int32], shape: [Int]) {
        precondition(shape.reduce(1, *) == values.count, "\(values.count) values do not fill the shape \(shape)")
        self.init(elementType: .int32, shape: shape, data: LittleEndianBytes.of(values))
    }

    private init(elementType: ElementType, shape: [Int], data: [UInt8]) {
        self.elementType = elementType
        self.shape = shape
        self.data = data
    }

    /// The values of a float32 array.
    public var floats: [Float]? {
        elementType == .float32 ? LittleEndianBytes.uint32s(data).map(Float.init(bitPattern:)) : nil
    }

    /// The values of an int32 array.
    public var int32s: [Int32]? {
        elementType == .int32 ? LittleEndianBytes.uint32s(data).map(Int32.init(bitPattern:)) : nil
    }

    /// The shape as Python writes a tuple: `()`, `(3,)`, `(2000, 2)`.
    private var shapeTuple: String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// The header dict, padded as NumPy pads it, with its final newline.
    var header: [UInt8] {
        var text = "{'descr': '\(elementType.rawValue)', 'fortran_order': False, 'shape': \(shapeTuple), }"
        if let first = shape.first { text += String(repeating: " ", count: max(Self.growthDigits - String(first).count, 0)) }
        let unpadded = Self.magic.count + 2 + text.utf8.count + 1
        text += String(repeating: " ", count: (Self.alignment - unpadded % Self.alignment) % Self.alignment) + "\n"
        return Array(text.utf8)
    }

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        let header = header
        precondition(header.count <= Int(UInt16.max), "an .npy v1.0 header is at most 65535 bytes")
        return Self.magic + LittleEndianBytes.of(UInt16(header.count)) + header + data
    }

    /// Reads a file this type wrote (version 1.0, C order, `<f4` or `<i4`),
    /// rejecting anything else with the reason.
    public init(decoding bytes: [UInt8]) throws(ExportFormatError) {
        guard bytes.count >= Self.magic.count + 2, Array(bytes[0..<6]) == Array(Self.magic[0..<6]) else {
            throw ExportFormatError("not an .npy file (it does not start with \\x93NUMPY)")
        }
        guard bytes[6] == 1, bytes[7] == 0 else {
            throw ExportFormatError("format version \(bytes[6]).\(bytes[7]) is not 1.0")
        }
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let dataStart = 10 + headerLength
        guard bytes.count >= dataStart else { throw ExportFormatError("the header runs past the end of the file") }
        let text = String(decoding: bytes[10..<dataStart], as: UTF8.self)
        guard let type = ElementType.allCases.first(where: { text.contains("'descr': '\($0.rawValue)'") }) else {
            throw ExportFormatError("the element type of `\(text)` is neither <f4 nor <i4")
        }
        guard text.contains("'fortran_order': False") else { throw ExportFormatError("the array is not in C order") }
        guard let open = text.range(of: "'shape': ("), let close = text[open.upperBound...].firstIndex(of: ")") else {
            throw ExportFormatError("the header `\(text)` has no shape")
        }
        let dimensions = text[open.upperBound..<close].split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let shape = dimensions.compactMap { Int($0) }
        guard shape.count == dimensions.count, shape.allSatisfy({ $0 >= 0 }) else {
            throw ExportFormatError("the shape in `\(text)` is not a tuple of sizes")
        }
        let expected = shape.reduce(1, *) * type.size
        guard bytes.count - dataStart == expected else {
            throw ExportFormatError("the shape \(shape) needs \(expected) bytes of data, the file has \(bytes.count - dataStart)")
        }
        self.init(elementType: type, shape: shape, data: Array(bytes[dataStart...]))
    }

    /// Writes the array to `url` atomically.
    public func write(to url: URL) throws {
        try AtomicFile.write(Data(encoded()), to: url)
    }
}
