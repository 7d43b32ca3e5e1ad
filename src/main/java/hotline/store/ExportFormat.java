package hotline.store;

/** The formats {@link CallbackStore#export} writes. */
public enum ExportFormat {
    CSV,
    JSON
}
