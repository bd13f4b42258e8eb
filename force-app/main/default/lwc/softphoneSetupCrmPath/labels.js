import title from '@salesforce/label/c.Softphone_Setup_Crm_Path';
import choice from '@salesforce/label/c.Softphone_Setup_Crm_Path_Choice';
import auto from '@salesforce/label/c.Softphone_Setup_Crm_Path_Auto';
import openCti from '@salesforce/label/c.Softphone_Setup_Crm_Path_OpenCti';
import lightning from '@salesforce/label/c.Softphone_Setup_Crm_Path_Lightning';
import checking from '@salesforce/label/c.Softphone_Setup_Crm_Path_Checking';
import liveOpenCti from '@salesforce/label/c.Softphone_Setup_Crm_Path_Live_OpenCti';
import liveLightning from '@salesforce/label/c.Softphone_Setup_Crm_Path_Live_Lightning';

export const LABELS = { title, choice, auto, openCti, lightning, checking, liveOpenCti, liveLightning };
