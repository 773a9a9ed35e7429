"""The workbook (werkboek): the .xlsx exchange format of one jaarschijf (WORKBOOK.md).

reader   parses and checks a whole file into plain data, collecting every error;
importer writes that data in one transaction; exporter writes a jaarschijf back out;
sjabloon builds the empty workbook with one example row per sheet; views are the upload,
download and template pages. Everything about the exchange lives in this one subpackage.
"""
