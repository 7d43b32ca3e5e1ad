package hotline.store;

import java.time.Instant;

/**
 * A row taken out of line because it cannot be dialled as stored (state FAILED, last result
 * {@code set-aside}); kept for a person to look at, never dialled.
 *
 * @param id        the store's id
 * @param createdAt when it was saved
 * @param why       what is wrong with it, without the raw value's control characters
 */
public record SetAside(long id, Instant createdAt, String why) {}
