// The section's strings, from custom labels (translatable).
import title from '@salesforce/label/c.Softphone_Setup_Sip_Users_Title';
import intro from '@salesforce/label/c.Softphone_Setup_Sip_Users_Intro';
import search from '@salesforce/label/c.Softphone_Setup_Sip_Users_Search';
import searchPlaceholder from '@salesforce/label/c.Softphone_Setup_Sip_Users_Search_Placeholder';
import searching from '@salesforce/label/c.Softphone_Setup_Sip_Users_Searching';
import found from '@salesforce/label/c.Softphone_Setup_Sip_Users_Found';
import noneFound from '@salesforce/label/c.Softphone_Setup_Sip_Users_None_Found';
import more from '@salesforce/label/c.Softphone_Setup_Sip_Users_More';
import loadError from '@salesforce/label/c.Softphone_Setup_Sip_Users_Load_Error';
import table from '@salesforce/label/c.Softphone_Setup_Sip_Users_Table';
import columnSelect from '@salesforce/label/c.Softphone_Setup_Sip_Users_Column_Select';
import columnName from '@salesforce/label/c.Softphone_Setup_Sip_Users_Column_Name';
import columnUsername from '@salesforce/label/c.Softphone_Setup_Sip_Users_Column_Username';
import columnCurrent from '@salesforce/label/c.Softphone_Setup_Sip_Users_Column_Current';
import columnNew from '@salesforce/label/c.Softphone_Setup_Sip_Users_Column_New';
import noSipUser from '@salesforce/label/c.Softphone_Setup_Sip_Users_No_Sip_User';
import selectAll from '@salesforce/label/c.Softphone_Setup_Sip_Users_Select_All';
import selectAgent from '@salesforce/label/c.Softphone_Setup_Sip_Users_Select_Agent';
import newFor from '@salesforce/label/c.Softphone_Setup_Sip_Users_New_For';
import selected from '@salesforce/label/c.Softphone_Setup_Sip_Users_Selected';
import start from '@salesforce/label/c.Softphone_Setup_Sip_Users_Start';
import startHelp from '@salesforce/label/c.Softphone_Setup_Sip_Users_Start_Help';
import number from '@salesforce/label/c.Softphone_Setup_Sip_Users_Number';
import assign from '@salesforce/label/c.Softphone_Setup_Sip_Users_Assign';
import assigned from '@salesforce/label/c.Softphone_Setup_Sip_Users_Assigned';
import fix from '@salesforce/label/c.Softphone_Setup_Sip_Users_Fix';
import selectFirst from '@salesforce/label/c.Softphone_Setup_Sip_Users_Select_First';
import startInvalid from '@salesforce/label/c.Softphone_Setup_Sip_Users_Start_Invalid';
import typeFor from '@salesforce/label/c.Softphone_Setup_Sip_Users_Type_For';
import invalid from '@salesforce/label/c.Softphone_Setup_Sip_Users_Invalid';
import twice from '@salesforce/label/c.Softphone_Setup_Sip_Users_Twice';
import saveError from '@salesforce/label/c.Softphone_Setup_Sip_Users_Save_Error';

export const LABELS = {
  title,
  intro,
  search,
  searchPlaceholder,
  searching,
  found,
  noneFound,
  more,
  loadError,
  table,
  columnSelect,
  columnName,
  columnUsername,
  columnCurrent,
  columnNew,
  noSipUser,
  selectAll,
  selectAgent,
  newFor,
  selected,
  start,
  startHelp,
  number,
  assign,
  assigned,
  fix,
  selectFirst,
  startInvalid,
  typeFor,
  invalid,
  twice,
  saveError,
};
