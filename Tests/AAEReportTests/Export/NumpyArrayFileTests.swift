import AAEReport
import XCTest

/// `NumpyArrayFile`: the .npy v1.0 layout NumPy writes — magic, little-endian
/// header length, the header dict padded so that the data starts at a multiple
/// of 64 — and a round trip through its own reader.
final class NumpyArrayFileTests: XCTestCase {
    func testHeaderIsTheOneNumpySaveWritesForAFloatMatrix() throws {
        let bytes = NumpyArrayFile([Float](repeating: 0, count: 6), shape: [3, 2]).encoded()
        XCTAssertEqual(Array(bytes[0..<8]), [0x93] + Array("NUMPY".utf8) + [1, 0])
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        XCTAssertEqual((10 + headerLength) % 64, 0)
        XCTAssertEqual(bytes.count, 10 + headerLength + 6 * 4)
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        // numpy.save(np.zeros((3, 2), np.float32)): the dict, 20 spare spaces for the first axis, padding, "\n".
        let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }"
        XCTAssertEqual(header, dict + String(repeating: " ", count: 118 - dict.count - 1) + "\n")
        XCTAssertEqual(headerLength, 118)
    }

    func testOneDimensionalShapeIsWrittenAsAOneElementTupleAndIntsAsI4() {
        let file = NumpyArrayFile([Int32]([7, -1, 3]), shape: [3])
        let text = String(decoding: file.encoded().dropFirst(10), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }"), text)
        XCTAssertEqual(Array(file.encoded().suffix(12)), [7, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 3, 0, 0, 0])
    }

    func testFloatsAreLittleEndianIEEEBits() {
        XCTAssertEqual(Array(NumpyArrayFile([Float(1), -2.5], shape: [2]).encoded().suffix(8)),
                       [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0])
    }

    func testWideShapesStillAlignTheDataTo64Bytes() {
        for shape in [[0], [1], [2000, 2], [123_456_789, 0], [] as [Int]] {
            let count = shape.reduce(1, *)
            let bytes = NumpyArrayFile([Float](repeating: 0.5, count: count), shape: shape).encoded()
            XCTAssertEqual((bytes.count - count * 4) % 64, 0, "shape \(shape)")
            XCTAssertEqual(bytes[bytes.count - count * 4 - 1], UInt8(ascii: "\n"), "shape \(shape)")
        }
    }

    func testRoundTripKeepsShapeTypeAndValues() throws {
        let values: [Float] = [0, -0, 1.5, .infinity, -3e-38, .greatestFiniteMagnitude]
        let floats = try NumpyArrayFile(decoding: NumpyArrayFile(values, shape: [2, 3]).encoded())
        XCTAssertEqual(floats.shape, [2, 3])
        XCTAssertEqual(floats.floats?.map(\.bitPattern), values.map(\.bitPattern))
        XCTAssertNil(floats.int32s)
        let ints = try NumpyArrayFile(decoding: NumpyArrayFile([Int32]([.min, 0, .max]), shape: [3]).encoded())
        XCTAssertEqual(ints.int32s, [.min, 0, .max])
        XCTAssertEqual(ints.shape, [3])
    }

    func testForeignAndShortFilesAreRejectedWithTheReason() {
        XCTAssertThrowsError(try NumpyArrayFile(decoding: Array("PK\u{3}\u{4}zipfile".utf8))) {
            XCTAssertTrue("\($0)".contains("not an .npy file"), "\($0)")
        }
        let truncated = Array(NumpyArrayFile([Float](repeating: 1, count: 4), shape: [4]).encoded().dropLast(4))
        XCTAssertThrowsError(try NumpyArrayFile(decoding: truncated)) {
            XCTAssertTrue("\($0)".contains("needs 16 bytes of data, the file has 12"), "\($0)")
        }
    }
}
