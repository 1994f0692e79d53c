package vn.hdnd.events.council;

/** The level of a council (cấp tỉnh, cấp huyện, cấp xã). The district tier was abolished in 2025. */
public enum Tier {
    PROVINCE, DISTRICT, COMMUNE
}
