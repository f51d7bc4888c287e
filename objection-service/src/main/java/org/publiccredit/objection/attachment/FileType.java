package org.publiccredit.objection.attachment;

/** The file types accepted as evidence and proof, with the media type served on download. */
public enum FileType {
    PDF("application/pdf"), JPEG("image/jpeg"), PNG("image/png");

    private final String mediaType;

    FileType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
