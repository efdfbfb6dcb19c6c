package lambdalab.course.kappa;

import java.io.Serializable;
import lambdalab.course.speed.HourAggregate;

/**
 * One output row of the Kappa job's state function per (product, hour) that a micro-batch touched:
 * either the group's whole aggregate (to upsert into the view) or, for a group whose hour the
 * watermark had already closed, only how many of the batch's events came too late.
 */
public final class KappaRow implements Serializable {

    private String product;
    private long timestampHour;
    private long purchaseCount;
    private long addToCartCount;
    private long pageViewCount;
    private byte[] visitorsSketch;
    private long lateEvents;

    public KappaRow() {
    }

    static KappaRow aggregate(String product, long timestampHour, HourAggregate aggregate) {
        KappaRow row = new KappaRow();
        row.product = product;
        row.timestampHour = timestampHour;
        row.purchaseCount = aggregate.purchases();
        row.addToCartCount = aggregate.addToCarts();
        row.pageViewCount = aggregate.pageViews();
        row.visitorsSketch = aggregate.visitorsSketch();
        return row;
    }

    static KappaRow late(String product, long timestampHour, long events) {
        KappaRow row = new KappaRow();
        row.product = product;
        row.timestampHour = timestampHour;
        row.lateEvents = events;
        return row;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public long getTimestampHour() {
        return timestampHour;
    }

    public void setTimestampHour(long timestampHour) {
        this.timestampHour = timestampHour;
    }

    public long getPurchaseCount() {
        return purchaseCount;
    }

    public void setPurchaseCount(long purchaseCount) {
        this.purchaseCount = purchaseCount;
    }

    public long getAddToCartCount() {
        return addToCartCount;
    }

    public void setAddToCartCount(long addToCartCount) {
        this.addToCartCount = addToCartCount;
    }

    public long getPageViewCount() {
        return pageViewCount;
    }

    public void setPageViewCount(long pageViewCount) {
        this.pageViewCount = pageViewCount;
    }

    public byte[] getVisitorsSketch() {
        return visitorsSketch;
    }

    public void setVisitorsSketch(byte[] visitorsSketch) {
        this.visitorsSketch = visitorsSketch;
    }

    public long getLateEvents() {
        return lateEvents;
    }

    public void setLateEvents(long lateEvents) {
        this.lateEvents = lateEvents;
    }
}
