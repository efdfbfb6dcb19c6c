package lambdalab.course.kappa;

import java.io.Serializable;
import java.sql.Timestamp;
import lambdalab.course.clickstream.ClickEvent;

/**
 * What the Kappa job aggregates of an event: its (product, hour) key, its time (the watermark's
 * column) and the two fields the views count. A Java bean, the shape Spark's bean encoder takes.
 */
public final class KappaEvent implements Serializable {

    private String product;
    private long timestampHour;
    private Timestamp eventTime;
    private String action;
    private String visitor;

    public KappaEvent() {
    }

    static KappaEvent of(ClickEvent event) {
        KappaEvent kept = new KappaEvent();
        kept.product = event.product();
        kept.timestampHour = event.hourBucket();
        kept.eventTime = new Timestamp(event.timestampMs());
        kept.action = event.action().wireName();
        kept.visitor = event.visitor();
        return kept;
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

    public Timestamp getEventTime() {
        return eventTime;
    }

    public void setEventTime(Timestamp eventTime) {
        this.eventTime = eventTime;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getVisitor() {
        return visitor;
    }

    public void setVisitor(String visitor) {
        this.visitor = visitor;
    }
}
