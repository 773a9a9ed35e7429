"""The workbook (werkboek): the .xlsx exchange format of one jaarschijf (WORKBOOK.md).

reader   parses and checks a whole file into plain data, collecting every error;
importer writes that data in one transaction; exporter writes a jaarschijf back out;
template builds the empty workbook with one example row per sheet.
"""
