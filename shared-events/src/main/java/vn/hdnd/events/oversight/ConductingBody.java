package vn.hdnd.events.oversight;

/**
 * Who conducts an oversight case (chủ thể giám sát): the council itself, its standing committee (Thường trực), one of
 * its committees (Ban) or a delegate group (Tổ đại biểu). Law 87/2015/QH13 art. 2 and ch. IV.
 */
public enum ConductingBody {
    COUNCIL, STANDING_COMMITTEE, COMMITTEE, DELEGATE_GROUP
}
