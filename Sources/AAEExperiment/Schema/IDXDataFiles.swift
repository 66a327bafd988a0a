/// The files of an `idx` dataset (paths resolved against the folder of the
/// experiment file that names them) and what their headers say.
///
/// The image size is read from the headers when the file is validated, so the
/// layer size `input` and the network checks know it without loading the data.
public struct IDXDataFiles: Sendable, Equatable {
    public var trainImages: String
    public var trainLabels: String
    public var testImages: String
    public var testLabels: String
    /// The image height and width, the same for both images files.
    public var rows: Int
    public var cols: Int
    /// The number of training images.
    public var trainCount: Int
    /// The number of held-out images.
    public var testCount: Int = 0
}
