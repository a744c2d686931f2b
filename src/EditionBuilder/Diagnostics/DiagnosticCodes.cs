namespace EditionBuilder.Diagnostics;

/// <summary>Every diagnostic code the tool prints; docs/diagnostics.md explains each one.</summary>
public static class DiagnosticCodes
{
    // Source (Word text export) errors.
    public const string EmptySource = "EB0001";
    public const string BinarySource = "EB0002";
    public const string InvalidUtf8 = "EB0003";
    public const string ReferenceWithoutNote = "EB0004";
    public const string NoteDefinedTwice = "EB0005";
    public const string BookmarkWithoutReference = "EB0006";
    public const string NotesWithoutText = "EB0007";
    public const string EmptyNote = "EB0008";
    public const string SourceTooLarge = "EB0009";
    public const string LegacyEncoding = "EB0010";
    public const string Utf16WithoutBom = "EB0011";
    public const string InvalidUtf16 = "EB0012";
    public const string EncodingMismatch = "EB0013";

    // Source warnings.
    public const string ReferenceWithoutBookmark = "EB0101";
    public const string UncitedNote = "EB0102";
    public const string NotesOutOfOrder = "EB0103";
    public const string TextBeforeFirstHeading = "EB0104";
    public const string AbstractLanguageUnknown = "EB0105";
    public const string ControlCharacter = "EB0106";
    public const string DecodedFromLegacyEncoding = "EB0107";
    public const string OpeningRecognized = "EB0108";
    public const string OneChapter = "EB0109";
    public const string NoArabicTitle = "EB0110";

    // Markdown chapters and metadata.
    public const string FrontMatterInvalid = "EB0201";
    public const string FrontMatterMissingField = "EB0202";
    public const string ChapterNoteUndefined = "EB0203";
    public const string ChapterNoteDuplicate = "EB0204";
    public const string MetadataInvalid = "EB0205";
    public const string ContentMissing = "EB0206";
    public const string MetadataMissingTitle = "EB0207";

    // YAML files (article.yml, edition.yml, chapter front matter) and metadata values: EB0208-EB0259.
    /// <summary>A YAML syntax error (the same code as <see cref="MetadataInvalid"/>, which it was called before it got a hint).</summary>
    public const string YamlSyntax = MetadataInvalid;
    public const string UnknownKey = "EB0208";
    public const string WrongShape = "EB0209";
    public const string DuplicateKey = "EB0210";
    public const string AliasLimit = "EB0211";
    public const string YamlTooDeep = "EB0212";
    public const string MetadataTooLarge = "EB0213";
    public const string InvalidDate = "EB0214";
    public const string InvalidDoi = "EB0215";
    public const string InvalidIssn = "EB0216";
    public const string InvalidOrcid = "EB0217";
    public const string UnknownLicence = "EB0218";
    public const string InvalidBaseUrl = "EB0219";
    public const string InvalidEmail = "EB0220";
    public const string InvalidPages = "EB0221";
    public const string MetadataControlCharacter = "EB0230";

    // The content folder as files (lead's range EB0600-EB0699).
    public const string ChapterSlugReserved = "EB0601";
    public const string ChapterSlugDuplicate = "EB0602";
    public const string LinkOutOfFolder = "EB0603";
    public const string SpecialFile = "EB0604";
    public const string ArticleFolderReserved = "EB0605";
    public const string EditionLookInvalid = "EB0606";
    public const string ThemeFileInvalid = "EB0607";
    public const string NestedTooDeep = "EB0608";
    public const string NameNotText = "EB0609";

    // What is published runs no script and fetches nothing (issue 29's range EB0610-EB0619).
    public const string ImageTooManyPixels = "EB0610";
    public const string EpubTemplateNotXml = "EB0611";
    public const string InternalFailure = "EB0699";

    // The EPUB writer (epub's range EB0700-EB0749).
    public const string EpubUnstorableCharacter = "EB0700";
    public const string EpubThemeIncomplete = "EB0701";
    public const string EpubStylesheetReference = "EB0702";
    public const string EpubNotWellFormed = "EB0703";
    public const string EpubMediaLeftOut = "EB0704";

    // Search (search's range EB0750-EB0799).
    public const string SearchUnavailable = "EB0750";
    public const string SearchIndexFailed = "EB0751";
    public const string SearchSkipped = "EB0752";

    // The JATS writer (jats's range EB0800-EB0849).
    public const string JatsUnstorableCharacter = "EB0800";
    public const string JatsNotWellFormed = "EB0801";

    // The PDF writer (pdf's range EB0870-EB0889).
    public const string PdfEngineMissing = "EB0870";
    public const string PdfCompileFailed = "EB0871";
    public const string PdfThemeSetting = "EB0872";

    // Templates, minification, verification.
    public const string TemplateError = "EB0301";
    public const string MinifyError = "EB0302";
    public const string BrokenLink = "EB0401";
    public const string BrokenFragment = "EB0402";
    public const string NoteWithoutTarget = "EB0403";
    public const string NoteWithoutBackLink = "EB0404";
    public const string PageWithoutLanguage = "EB0405";
    public const string ExternalRequest = "EB0406";
    public const string InlineScript = "EB0407";

    // Word documents (.docx), the Markdown format's tables and figures, media: errors EB0500–EB0549.
    public const string DocxNotAZip = "EB0501";
    public const string DocxOldWord = "EB0502";
    public const string DocxEncrypted = "EB0503";
    public const string DocxMacros = "EB0504";
    public const string DocxZipBomb = "EB0505";
    public const string DocxDamaged = "EB0506";
    public const string DocxPartMissing = "EB0507";
    public const string DocxDtd = "EB0508";
    public const string DocxBadXml = "EB0509";
    public const string DocxExternalContent = "EB0510";
    public const string DocxNoteMissing = "EB0511";
    public const string ImageTooLarge = "EB0512";
    public const string DocxTooLarge = "EB0513";
    public const string ImageUnsafe = "EB0514";
    public const string MediaNotAnImage = "EB0515";
    public const string DocxXmlTooDeep = "EB0516";
    public const string DocxNestedTooDeep = "EB0517";
    public const string DocxImageMissing = "EB0518";
    public const string DocxFormattingLeftOut = "EB0519";

    // Word documents: bookmarks and internal links, EB0530–EB0539 (warnings).
    public const string DocxBookmarkMissing = "EB0530";
    public const string DocxLinkOutsideChapters = "EB0531";

    // The import's structure (reference list, front matter): warnings EB0540–EB0549.
    public const string BibliographyWithoutHeading = "EB0540";
    public const string NoteInReferences = "EB0541";

    // Word documents: warnings EB0550–EB0599.
    public const string DocxNoHeadings = "EB0550";
    public const string DocxTextBeforeHeading = "EB0551";
    public const string DocxNumberingEachPage = "EB0552";
    public const string DocxImageFormat = "EB0553";
    public const string DocxLinkedImage = "EB0554";
    /// <summary>No longer given: merged cells are kept as spans.</summary>
    public const string DocxMergedCells = "EB0555";
    public const string DocxNumberFormat = "EB0556";
    public const string DocxSymbol = "EB0557";
    public const string DocxReferenceInHeading = "EB0558";
    public const string DocxUncitedNote = "EB0559";
    public const string DocxObjectLeftOut = "EB0560";
    public const string DocxNoAltText = "EB0561";
    public const string DocxControlCharacter = "EB0562";
    public const string DocxTableShape = "EB0563";
    public const string DocxAbstractLanguage = "EB0564";
    public const string DocxFieldLeftOut = "EB0565";
    public const string DocxHeadingsByName = "EB0566";
    public const string ImportTextLost = "EB0570";
    public const string ImportNotesLost = "EB0571";
    public const string ImportCensusUnreadable = "EB0572";

    // An article's reference list (ar/references.md): errors EB0590–EB0598.
    public const string ReferencesNotAList = "EB0590";
    public const string ReferenceLanguageInvalid = "EB0591";
    public const string ReferenceNotOneParagraph = "EB0592";
    public const string ReferencesHoldNote = "EB0593";
    public const string ReferencesSlug = "EB0594";
    public const string ChapterSlugIsReferences = "EB0595";
    public const string ReferencesBesideSource = "EB0596";

    // Registry exports: edition export crossref|doaj (EB0850–EB0869).
    public const string CrossrefFieldMissing = "EB0850";
    public const string DoajFieldMissing = "EB0851";

    // Output safety: the build cache, reading a site folder, verifying a package, deploy targets (EB0900–EB0999).
    public const string CacheNotWritable = "EB0900";
    public const string SiteSymbolicLink = "EB0901";
    public const string SiteSpecialFile = "EB0902";
    public const string BagFileMissing = "EB0910";
    public const string BagFileExtra = "EB0911";
    public const string BagFileAltered = "EB0912";
    public const string BagDuplicateEntry = "EB0913";
    public const string BagLink = "EB0914";
    public const string BagSpecialFile = "EB0915";
    public const string BagEntryTooLarge = "EB0916";
    public const string BagUnreadable = "EB0917";
    public const string NotADeployTarget = "EB0920";
    public const string NoPreviousRelease = "EB0921";
    public const string DeployTargetHoldsFiles = "EB0930";
    public const string ImportFolderIsLink = "EB0931";

    // The journal writers: Atom feed, OAI-PMH static repository, issue pages, English and French homes (EB1000–EB1029).
    public const string JournalArticleUndated = "EB1000";
    public const string OaiSettingMissing = "EB1001";
    public const string JournalPathTaken = "EB1002";

    // Packages and small fixes of issue 31 (EB0940–EB0949).
    public const string PackageUndated = "EB0940";
    public const string NotABuiltSite = "EB0941";

    // The commands as library steps of issue 31: edition export's paths (EB0960–EB0969).
    public const string ExportOutputInsideContent = "EB0960";
    public const string ExportContentMissing = "EB0961";
    public const string ExportOutputIsFolder = "EB0962";
    public const string ExportOutputIsLink = "EB0963";
    public const string ExportOutputNotAFile = "EB0964";
    public const string PackageContentMismatch = "EB0965";
    public const string ExportWriteFailed = "EB0966";
}
